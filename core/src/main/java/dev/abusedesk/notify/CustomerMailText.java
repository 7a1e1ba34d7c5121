package dev.abusedesk.notify;

import dev.abusedesk.config.Language;
import dev.abusedesk.config.Phrase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The mail a customer's contact reads, in their language: plain text, written for someone outside
 * the team. Report text in it (resources, IPs, the excerpt) is made one line, bounded and defanged
 * ({@link Untrusted}); the subject holds only our words, the account ID and the case number.
 */
final class CustomerMailText {

  private CustomerMailText() {}

  private static final Phrase SUBJECT =
      new Phrase(
          "Action needed: AWS reported abuse on your AWS account {} (case #{})",
          "【要対応】お客様のAWSアカウント {} について不正利用の通報がありました（ケース #{}）");
  private static final Phrase SUBJECT_REMINDER =
      new Phrase(
          "Reminder: we still need your answer about AWS account {} (case #{})",
          "【再送】AWSアカウント {} の不正利用通報について、ご回答をお待ちしています（ケース #{}）");
  private static final Phrase HELLO = new Phrase("Hello,", "ご担当者様");
  private static final Phrase OPENING =
      new Phrase(
          "AWS has told us about abuse coming from your AWS account {}: {}. We have to answer AWS"
              + " for this account, and for that we need to hear from you first.",
          "お客様のAWSアカウント {} について、AWSから「{}」の通報が届きました。"
              + "弊社はこのアカウントについてAWSへ回答する必要があり、そのためにまずお客様に状況を確認させてください。");
  private static final Phrase OPENING_REMINDER =
      new Phrase(
          "This is a reminder. AWS has told us about abuse coming from your AWS account {}: {},"
              + " and we have not received your answer yet.",
          "先日ご連絡した、お客様のAWSアカウント {} についての「{}」の通報の件で、まだご回答をいただいておりません。" + "お手数ですが、ご確認をお願いいたします。");
  private static final Phrase ANSWER_BY =
      new Phrase("Please answer by {} ({}).", "{}までに（残り{}）ご回答をお願いいたします。");
  private static final Phrase ANSWER_OVERDUE =
      new Phrase("Your answer was due at {} ({} ago).", "ご回答の期限（{}）を{}過ぎています。");
  private static final Phrase REPORTED = new Phrase("What AWS reported", "■ 通報の内容");
  private static final Phrase KIND = new Phrase("Type", "種別");
  private static final Phrase WHEN = new Phrase("Reported", "通報日時");
  private static final Phrase RESOURCES = new Phrase("Resources", "対象リソース");
  private static final Phrase IPS = new Phrase("IP addresses", "IPアドレス");
  private static final Phrase REGIONS = new Phrase("Regions", "リージョン");
  private static final Phrase EXCERPT =
      new Phrase(
          "What the report says (excerpt; links in it are disabled)", "■ 通報本文（抜粋・リンクは無効化しています）");
  private static final Phrase TODO = new Phrase("What to do", "■ お願いしたい対応");
  private static final Phrase STOP =
      new Phrase("Stop the activity now: {}", "まず、該当する活動を止めてください。{}");
  private static final Phrase FIX =
      new Phrase("Fix the cause so that it does not happen again: {}", "再発しないよう、原因を取り除いてください。{}");
  private static final Phrase TELL_LINK =
      new Phrase(
          "Tell us what you found on your personal page: whether it was your own workload, what"
              + " you stopped and what you changed, or that you need more time and why.",
          "調査の結果を、下記のお客様専用ページからお知らせください（お客様ご自身の利用によるものか、" + "何を停止し何を変更したか、または調査にお時間が必要な場合はその理由）。");
  private static final Phrase TELL_MAIL =
      new Phrase(
          "Tell us what you found by answering this mail: whether it was your own workload, what"
              + " you stopped and what you changed, or that you need more time and why.",
          "調査の結果を、このメールへの返信でお知らせください（お客様ご自身の利用によるものか、" + "何を停止し何を変更したか、または調査にお時間が必要な場合はその理由）。");
  private static final Phrase LINK_PRIVATE =
      new Phrase(
          "This link is for you alone: please do not forward it.", "このリンクはご担当者様専用です。転送はご遠慮ください。");
  private static final Phrase WITHOUT_YOU =
      new Phrase(
          "If we have not heard from you by then, we will have to answer AWS without your"
              + " account of what happened.",
          "期限までにご回答がない場合は、お客様のご回答を待たずにAWSへ回答させていただきます。");
  private static final Phrase AUTOMATIC =
      new Phrase(
          "This message was sent automatically by our abuse desk.", "本メールは不正利用対応窓口から自動送信しています。");
  private static final Phrase THANKS =
      new Phrase("Thank you for your help.", "ご協力のほど、よろしくお願いいたします。");

  /** The mail, from {@code from}, as it reads at {@code now} in {@code zone}. */
  static Outgoing.MailMessage render(CustomerMail mail, String from, ZoneId zone, Instant now) {
    Objects.requireNonNull(from, "from");
    Language lang = mail.language();
    Texts texts = Texts.of(lang);
    String cut = texts.truncated();
    String account = account(mail, cut);
    String category = texts.category(mail.category());
    boolean reminder = mail.type() == CustomerMail.Type.REMINDER;

    StringBuilder out = new StringBuilder();
    out.append(HELLO.in(lang)).append("\n\n");
    out.append((reminder ? OPENING_REMINDER : OPENING).in(lang, account, category)).append("\n\n");
    out.append(answerBy(mail, texts, zone, now)).append("\n\n");

    out.append(REPORTED.in(lang)).append('\n');
    fact(out, lang, KIND, category);
    fact(out, lang, WHEN, AlertText.time(mail.reportedAt(), zone));
    fact(out, lang, RESOURCES, list(mail.resources(), texts));
    fact(out, lang, IPS, list(mail.ips(), texts));
    fact(out, lang, REGIONS, list(mail.regions(), texts));
    // A customer's mail client links bare host names too: in the excerpt none is left whole.
    String excerpt =
        Untrusted.defangHosts(Untrusted.line(mail.excerpt(), AlertText.MAX_EXCERPT, cut));
    if (!excerpt.isEmpty()) {
      out.append('\n').append(EXCERPT.in(lang)).append('\n');
      out.append("  ").append(excerpt).append('\n');
    }

    out.append('\n').append(TODO.in(lang)).append('\n');
    out.append("1. ")
        .append(STOP.in(lang, ResponseSteps.firstAid(mail.category()).in(lang)))
        .append('\n');
    out.append("2. ")
        .append(FIX.in(lang, ResponseSteps.rootCause(mail.category()).in(lang)))
        .append('\n');
    out.append("3. ").append((mail.link().isPresent() ? TELL_LINK : TELL_MAIL).in(lang));
    out.append('\n');
    mail.link()
        .ifPresent(
            link ->
                out.append("   ")
                    .append(link)
                    .append('\n')
                    .append("   ")
                    .append(LINK_PRIVATE.in(lang))
                    .append('\n'));
    out.append('\n')
        .append(answerBy(mail, texts, zone, now))
        .append(lang == Language.JA ? "" : " ");
    out.append(WITHOUT_YOU.in(lang)).append("\n\n");
    out.append(THANKS.in(lang)).append('\n');
    out.append("-- \n").append(AUTOMATIC.in(lang)).append('\n');

    Phrase subject = reminder ? SUBJECT_REMINDER : SUBJECT;
    // One line whatever a configured account name holds: a header cannot be split.
    String oneLine =
        subject
            .in(lang, mail.accountId(), mail.caseId())
            .replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    return new Outgoing.MailMessage(
        from,
        List.of(mail.to()),
        Cut.chars(oneLine, EmailNotifier.MAX_SUBJECT, cut),
        out.toString());
  }

  private static String account(CustomerMail mail, String cut) {
    String id = Untrusted.line(mail.accountId(), AlertText.MAX_ITEM, cut);
    return mail.accountName()
        .map(name -> id + " (" + Untrusted.line(name, AlertText.MAX_ITEM, cut) + ")")
        .orElse(id);
  }

  private static String answerBy(CustomerMail mail, Texts texts, ZoneId zone, Instant now) {
    Duration left = Duration.between(now, mail.deadline());
    String at = AlertText.time(mail.deadline(), zone);
    return left.isNegative()
        ? ANSWER_OVERDUE.in(texts.language(), at, texts.duration(left.negated()))
        : ANSWER_BY.in(texts.language(), at, texts.duration(left));
  }

  private static void fact(StringBuilder out, Language lang, Phrase label, String value) {
    if (!value.isEmpty()) {
      out.append("  ").append(label.in(lang)).append(lang == Language.JA ? "：" : ": ");
      out.append(value).append('\n');
    }
  }

  private static String list(List<String> values, Texts texts) {
    List<String> cleaned =
        values.stream()
            .map(v -> Untrusted.line(v, AlertText.MAX_ITEM, texts.truncated()))
            .filter(v -> !v.isEmpty())
            .toList();
    return String.join(", ", AlertText.bounded(cleaned, AlertText.MAX_ITEMS, texts));
  }
}
