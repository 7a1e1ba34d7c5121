package dev.abusedesk.desk;

import dev.abusedesk.config.Language;
import dev.abusedesk.config.Phrase;
import dev.abusedesk.notify.Terms;
import dev.abusedesk.notify.Texts;

/**
 * The dashboard's own words, each a {@link Phrase}; the labels it shares with chat messages, and
 * statuses and categories, come from notify's {@link Terms}.
 */
enum Words {
  CASES("Cases", "ケース一覧"),
  CHARTS("Charts", "グラフ"),
  LOG_OUT("Log out", "ログアウト"),
  LOG_IN("Log in", "ログイン"),
  USER("User", "ユーザー"),
  PASSWORD("Password or token", "パスワードまたはトークン"),
  LOGIN_FAILED("Wrong user or password.", "ユーザー名またはパスワードが違います。"),
  TOO_MANY(
      "Too many failed logins: wait a little and try again.", "ログインの失敗が多すぎます。少し待ってから再度お試しください。"),
  LOCAL_MODE(
      "Local mode: no dashboard login is configured, so anyone on this machine acts as \"local\"."
          + " Set dashboard.users or dashboard.token in the configuration to require a login.",
      "ローカルモード：ダッシュボードのログインが設定されていないため、このマシン上の誰もが「local」として操作できます。"
          + "ログインを必須にするには設定ファイルで dashboard.users または dashboard.token を設定してください。"),
  CLOSED(
      "The dashboard is closed: it listens beyond loopback and no login is configured. Set"
          + " dashboard.users (abusedesk hash-password makes the hashes) or dashboard.token in the"
          + " configuration, then restart.",
      "ダッシュボードは無効です：ループバック以外で待ち受けており、ログインが設定されていません。"
          + "設定ファイルで dashboard.users（ハッシュは abusedesk hash-password で作成）または dashboard.token"
          + " を設定して再起動してください。"),
  STATUS("Status", "ステータス"),
  CATEGORY(Terms.label(Texts.Label.CATEGORY)),
  CUSTOMER(Terms.label(Texts.Label.CUSTOMER)),
  CUSTOMER_STATE("Customer's answer", "顧客の回答状況"),
  ACCOUNT(Terms.label(Texts.Label.ACCOUNT)),
  TIME_LEFT(Terms.label(Texts.Label.TIME_LEFT)),
  OWNER(Terms.label(Texts.Label.OWNER)),
  ALL("All", "すべて"),
  FILTER("Filter", "絞り込み"),
  NO_CASES("No cases.", "ケースはありません。"),
  CASE("Case", "ケース"),
  REPORTS("Reports", "通報"),
  TIMELINE("Timeline", "経緯"),
  NOTES("Notes", "メモ"),
  ACTIONS("Actions", "操作"),
  TAKE("Acknowledge / take ownership", "受領して担当する"),
  MARK_REPLIED("Mark replied", "返信済みにする"),
  MARK_MITIGATED("Mark mitigated", "応急処置済みにする"),
  RESOLVE("Resolve", "解決済みにする"),
  ADD_NOTE("Add note", "メモを追加"),
  NOTE("Note (optional)", "メモ（任意）"),
  DRAFTS("Reply drafts (English, for AWS)", "返信の下書き（AWS宛て、英語）"),
  COPY("Copy", "コピー"),
  COPIED("Copied", "コピーしました"),
  SEND_REPLY("Send to AWS and mark replied", "AWSへ送信して返信済みにする"),
  PLAYBOOK("First aid", "応急処置"),
  RAW("Raw message", "元のメッセージ"),
  RESOURCES(Terms.label(Texts.Label.RESOURCES)),
  REGIONS(Terms.label(Texts.Label.REGIONS)),
  IPS("IP addresses", "IPアドレス"),
  AWS_CASE("AWS case", "AWSケース"),
  RECIPIENT_DOMAINS("Complaining domains", "苦情元ドメイン"),
  AWS_ACTIONS("What AWS did", "AWSの対応"),
  ASSUMED("Assumed", "仮定"),
  RECEIVED("Received", "受信"),
  DEADLINE("Reply due", "返信期限"),
  OVERDUE("overdue", "期限切れ"),
  ACK_TITLE("Acknowledge this case?", "このケースを受領しますか？"),
  ACK_NAME("Your name", "お名前"),
  ACK_BUTTON("Acknowledge", "受領する"),
  ACK_DONE(
      "Acknowledged. The team's chat hears it; reminders stop.", "受領しました。チャットに通知され、リマインダーは止まります。"),
  ACK_INVALID("This link is not valid.", "このリンクは無効です。"),
  ACK_EXPIRED(
      "This link has expired: open the case in the dashboard.",
      "このリンクは期限切れです。ダッシュボードでケースを開いてください。"),
  NOT_ALLOWED("That change is not allowed from the case's status.", "現在のステータスからその変更はできません。"),
  EV_OPENED("Case opened", "ケースを作成"),
  EV_REPORT("Report received", "通報を受信"),
  EV_PAGES("More pages of the Health event merged", "Health イベントの続きのページを統合"),
  EV_STATUS("Status: {}→ {}", "ステータス：{}→ {}"),
  EV_NOTE("Note", "メモ"),
  EV_CUSTOMER_NOTIFIED("Customer notified: {}", "顧客に通知：{}"),
  EV_CUSTOMER_ANSWERED("Customer answered: {}", "顧客が回答：{}"),
  EV_CUSTOMER_LINK_REISSUED("New customer link sent: {}", "顧客へ新しいリンクを送信：{}"),
  EV_CUSTOMER_LINK_REVOKED("Customer link revoked: {}", "顧客へのリンクを無効化：{}"),
  EV_CUSTOMER_LATE("Customer's deadline passed unanswered: {}", "顧客が期限までに未回答：{}"),
  NOTE_REOPENED(
      "AWS wrote again after the case was settled: a reply is due.",
      "対応済みのケースにAWSから再び連絡があったため、返信が必要です。"),
  NOTE_UNVERIFIED_CLOSE(
      "AWS says closed, but it is not verified: the case stays open until someone confirms.",
      "AWSからクローズの連絡がありましたが未検証のため、確認されるまでケースは開いたままです。"),
  NOTE_CONFIRMED_CLOSE(
      "Confirmed that AWS's closing mail is genuine.", "AWSのクローズ通知が本物であることを確認しました。"),
  NOTE_REPLIED_BY_MAIL("Reply to AWS by mail: {}", "メールでAWSへ返信：{}"),
  NOTE_REPLY_SENT("Reply sent to AWS from the dashboard.", "ダッシュボードからAWSへ返信を送信しました。"),
  NOTE_ACK_BY_LINK("Acknowledged by link.", "リンクから受領しました。"),
  NOTE_ACK_IN_SLACK("Acknowledged in Slack.", "Slackで受領しました。"),
  MSG_NEW_CASE("New-case alert", "新規ケースの通知"),
  MSG_UPDATE("Alert: update from AWS", "AWSからの続報の通知"),
  MSG_CLOSED_BY_AWS("Alert: AWS closed the case", "AWSによるクローズの通知"),
  MSG_CLOSED_UNVERIFIED("Alert: AWS says closed, not verified", "未検証のクローズ連絡の通知"),
  MSG_STATUS("Status change told", "ステータス変更の通知"),
  MSG_REMINDER("Reminder", "リマインダー"),
  MSG_ESCALATION("Escalation", "エスカレーション"),
  MSG_TEST("Test message", "テストメッセージ"),
  MSG_CUSTOMER_ANSWERED("The customer's answer told", "顧客の回答の通知"),
  MSG_CUSTOMER_LATE("Customer late: told", "顧客の回答遅れの通知"),
  MSG_OTHER("Message", "メッセージ"),
  OUT_SENT("sent", "送信済み"),
  OUT_PENDING("waiting to be sent", "送信待ち"),
  OUT_FAILED("not delivered", "送信失敗"),
  MESSAGE_TO("{} → {}: {}", "{} → {}：{}"),
  OUT_DIGEST("{} (in a digest)", "{}（ダイジェストで送信）"),
  WHO_AWS("AWS", "AWS"),
  WHO_DESK("Abuse Desk", "Abuse Desk"),
  CASES_PER_WEEK_CATEGORY("Cases per week by category", "週ごとのケース数（種別）"),
  CASES_PER_WEEK_CUSTOMER("Cases per week by customer", "週ごとのケース数（顧客）"),
  CASES_PER_MONTH_CATEGORY("Cases per month by category", "月ごとのケース数（種別）"),
  CASES_PER_MONTH_CUSTOMER("Cases per month by customer", "月ごとのケース数（顧客）"),
  CASES_PER_YEAR_CATEGORY("Cases per year by category", "年ごとのケース数（種別）"),
  CASES_PER_YEAR_CUSTOMER("Cases per year by customer", "年ごとのケース数（顧客）"),
  BY_REPORT_DATE(
      "Each case counts on the date AWS first reported it, however late it was recorded here.",
      "各ケースは、ここに記録された日ではなく、AWSが最初に通報した日付で数えています。"),
  RANGE("Range", "期間"),
  RANGE_12_WEEKS("Last 12 weeks", "直近12週間"),
  RANGE_6_MONTHS("Last 6 months", "直近6か月"),
  RANGE_12_MONTHS("Last 12 months", "直近12か月"),
  RANGE_ALL("All time", "全期間"),
  BAD_RANGE("No such range: choose one of the ranges offered.", "その期間は選べません。表示されている期間から選んでください。"),
  FIRST_REPLY_TIME("Time to first reply (hours) against the 24 h line", "初回返信までの時間（時間）と24時間ライン"),
  UNREGISTERED("(unregistered)", "（未登録）"),
  PROVENANCE("Provenance", "送信元の検証"),
  TRUST_VERIFIED("verified", "検証済み"),
  TRUST_UNVERIFIED("not verified", "未検証"),
  TRUST_FORGED("FORGED", "なりすまし"),
  FORGED_BANNER(
      "This mail claims to be AWS but failed DKIM: do not follow its links.",
      "このメールはAWSを名乗っていますが、DKIM検証に失敗しています。リンクを開かないでください。"),
  UNVERIFIED_CLOSE("AWS says closed — not verified. Confirm?", "AWSからクローズの連絡がありましたが、未検証です。確認しますか？"),
  UNVERIFIED_CLOSE_HOW(
      "The closing mail could not be shown to be AWS's, so the case stays open. Check it, in the AWS"
          + " Support Center for instance, before you confirm: confirming closes the case as AWS"
          + " closed it and tells the team's chat.",
      "このクローズ通知がAWSからのものと確認できないため、ケースは開いたままです。確認する前に AWS サポートセンター"
          + "などで内容を確かめてください。確認するとケースはAWSによるクローズとなり、チームのチャットに通知されます。"),
  CONFIRM_CLOSED("Confirm: AWS closed this case", "確認：AWSがこのケースをクローズした"),
  REPLY_TO("Replies go to", "返信先"),
  NO_SEND_NO_MAIL(
      "No mail from AWS in this case to answer: nothing is sent from here.",
      "このケースには返信できるAWSのメールがないため、ここからは送信しません。"),
  NO_SEND_UNVERIFIED(
      "No mail in this case is verified as AWS's, so nothing is sent from here: copy the draft and"
          + " answer AWS's mail from your mail client.",
      "このケースにはAWSからと検証されたメールがないため、ここからは送信しません。下書きをコピーし、メールソフトでAWSのメールに返信してください。"),
  NO_SEND_NOT_LISTED(
      "The latest verified AWS mail is not from an address in reply.aws_addresses, so nothing is"
          + " sent from here: copy the draft and reply from your mail client. Its sender:",
      "最新の検証済みAWSメールの送信元が reply.aws_addresses にないため、ここからは送信しません。"
          + "下書きをコピーし、メールソフトから返信してください。送信元："),
  NO_RECIPIENT(
      "Nothing was sent: this case has no verified AWS mail from an allowed address to answer.",
      "送信していません：このケースには許可されたアドレスからの検証済みAWSメールがありません。"),
  SEND_FAILED("The reply could not be sent; nothing changed.", "返信を送信できませんでした。何も変更していません。"),
  NO_SMTP(
      "Sending replies needs the reply section in the configuration.",
      "返信を送信するには設定ファイルに reply セクションが必要です。");

  private final Phrase phrase;

  Words(String en, String ja) {
    this(new Phrase(en, ja));
  }

  /** The same words as chat messages use for the same thing. */
  Words(Phrase phrase) {
    this.phrase = phrase;
  }

  String in(Language language) {
    return phrase.in(language);
  }

  /** The words with their holes filled, in order: see {@link Phrase#in(Language, Object...)}. */
  String in(Language language, Object... values) {
    return phrase.in(language, values);
  }
}
