package dev.abusedesk.respond;

import dev.abusedesk.config.Phrase;
import java.util.ArrayList;
import java.util.List;

/** Spam: hold the queue, stop mail to the complaining domains, find the sender, fix the form. */
final class MailFirstAid {

  private MailFirstAid() {}

  static void steps(CaseFacts facts, Playbooks.Steps steps) {
    if (!facts.instances().isEmpty()) {
      steps.add(
          new Phrase("Find the sending server", "送信元のサーバーを確認する"),
          new Phrase(
              "The report names these instances; check which of them runs the mail server.",
              "通報に記載されたインスタンスです。どれがメールサーバーか確認します。"),
          "aws ec2 describe-instances --region "
              + facts.region()
              + " --instance-ids "
              + Playbooks.words(facts.instances(), "INSTANCE_ID")
              + " --query 'Reservations[].Instances[].[InstanceId,PublicIpAddress,Tags]'");
    }
    steps.add(
        new Phrase("Hold the mail queue", "メールキューを保留する"),
        new Phrase(
            "Held mail is kept, not sent and not lost: release it later with postsuper -r ALL, or"
                + " delete the spam with postsuper -d.",
            "保留したメールは送信されず、消えもしません。後で postsuper -r ALL で戻すか、" + "スパムを postsuper -d で削除します。"),
        "postqueue -p | tail -n 1",
        "postsuper -h ALL");
    List<String> domains = facts.domainsToStop();
    if (domains.isEmpty()) {
      steps.add(
          new Phrase("Stop mail to the complaining domain", "苦情元ドメインへの送信を止める"),
          new Phrase(
              "The report names no recipient domain; find it in the complaint and put it in"
                  + " DOMAIN.",
              "通報に受信者ドメインの記載がありません。苦情本文から探し、DOMAIN に設定します。"),
          transportCommands(List.of(Shell.placeholder("DOMAIN"))));
    } else {
      steps.add(
          new Phrase("Stop mail to the complaining domains", "苦情元ドメインへの送信を止める"),
          new Phrase(
              "The transport map discards mail to these domains, whatever sent it (scripts using"
                  + " sendmail included); the access map also refuses it at SMTP submission. Both go in front of the maps"
                  + " and restrictions you have.",
              "transport マップで、送信元（sendmail を使うスクリプトを含む）に関わらずこれらのドメイン宛てのメールを破棄します。"
                  + "access マップでSMTP投稿時にも拒否します。どちらも既存の設定の前に追加します。"),
          transportCommands(domains.stream().map(Shell::quote).toList()));
    }
    steps.add(
        new Phrase("Find the sending script", "送信しているスクリプトを特定する"),
        new Phrase(
            "Look at what is queued and who sent the most; PHP adds X-PHP-Originating-Script when"
                + " mail.add_x_header is on.",
            "キューの中身と、多く送っている送信者を確認します。PHPは mail.add_x_header が有効なら"
                + " X-PHP-Originating-Script ヘッダーを付けます。"),
        "postqueue -p | awk '/^[0-9A-F]/ {print $7}' | sort | uniq -c | sort -rn | head",
        "postcat -q \"$(postqueue -p | awk '/^[0-9A-F]/ {print $1; exit}' | tr -d '*!')\""
            + " | grep -iE '^(from|subject|x-php-originating-script|received):'",
        "grep -h 'status=sent' /var/log/mail.log | grep -oE 'to=<[^>]+>' | sort | uniq -c"
            + " | sort -rn | head");
    steps.add(
        new Phrase("Check the contact form", "問い合わせフォームを確認する"),
        new Phrase(
            "Bots send spam through contact forms and auto-replies: look for many POSTs from few"
                + " addresses, then add reCAPTCHA (or another CAPTCHA) and a rate limit.",
            "ボットは問い合わせフォームや自動返信を使ってスパムを送ります。少数のアドレスからの大量のPOSTを探し、"
                + "reCAPTCHAなどのCAPTCHAと送信数制限を入れます。"),
        "grep -hE '\"POST [^\"]*(contact|inquiry|form|mail)' /var/log/nginx/access.log"
            + " /var/log/apache2/access.log 2>/dev/null | awk '{print $1}' | sort | uniq -c"
            + " | sort -rn | head");
  }

  private static String[] transportCommands(List<String> quotedDomains) {
    List<String> commands = new ArrayList<>();
    for (String domain : quotedDomains) {
      commands.add("printf '%s\\tdiscard:\\n' " + domain + " >> /etc/postfix/transport");
      commands.add(
          "printf '%s\\tREJECT blocked after an abuse report\\n' "
              + domain
              + " >> /etc/postfix/recipient_access");
    }
    // Put in front of what is configured, not instead of it.
    commands.add(
        "postconf -e \"transport_maps = hash:/etc/postfix/transport"
            + " $(postconf -h transport_maps)\"");
    commands.add(
        "postconf -e \"smtpd_recipient_restrictions = check_recipient_access"
            + " hash:/etc/postfix/recipient_access, $(postconf -h smtpd_recipient_restrictions)\"");
    commands.add("postmap /etc/postfix/transport /etc/postfix/recipient_access");
    commands.add("postfix reload");
    return commands.toArray(String[]::new);
  }
}
