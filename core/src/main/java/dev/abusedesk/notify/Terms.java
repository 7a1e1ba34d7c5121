package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CustomerAnswer;
import dev.abusedesk.config.Phrase;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Channel;
import dev.abusedesk.report.Kind;

/**
 * The words for the desk's vocabulary, one phrase per value: categories, kinds, channels, statuses,
 * message types and the labels of facts. The switches are exhaustive, so a new value without words
 * does not compile. Chat messages say them through {@link Texts}; the dashboard uses them directly.
 */
public final class Terms {

  private Terms() {}

  /** The category in words: {@code Spam / unsolicited email}. */
  public static Phrase category(Category category) {
    return switch (category) {
      case SPAM -> new Phrase("Spam / unsolicited email", "スパム・迷惑メール送信");
      case DOS -> new Phrase("Denial of service (DoS) attack", "DoS攻撃（サービス妨害）");
      case PORT_SCAN -> new Phrase("Port scanning", "ポートスキャン");
      case INTRUSION ->
          new Phrase("Intrusion attempts (brute force, exploits)", "不正侵入の試み（ブルートフォース・脆弱性攻撃）");
      case OPEN_PROXY -> new Phrase("Open proxy / open relay", "オープンプロキシ・オープンリレー");
      case PHISHING -> new Phrase("Phishing site", "フィッシングサイト");
      case MALWARE -> new Phrase("Malware hosting or distribution", "マルウェアの設置・配布");
      case BOTNET -> new Phrase("Botnet / command-and-control activity", "ボットネット・C&C通信");
      case COPYRIGHT -> new Phrase("Copyright infringement", "著作権侵害");
      case PII -> new Phrase("Exposed personal information", "個人情報の露出");
      case ILLEGAL_CONTENT -> new Phrase("Illegal or prohibited content", "違法・禁止コンテンツ");
      case CC_FRAUD -> new Phrase("Credit card fraud", "クレジットカード不正利用");
      case CREDENTIALS_EXPOSED -> new Phrase("Exposed AWS access key", "AWSアクセスキーの漏洩");
      case OTHER -> new Phrase("Other abuse", "その他の不正利用");
    };
  }

  /** What a report of this kind means for the team, as a sentence. */
  public static Phrase kind(Kind kind) {
    return switch (kind) {
      case NOTICE ->
          new Phrase("New report from AWS: a reply is expected.", "AWSからの新しい通報です。返信が必要です。");
      case FOLLOW_UP ->
          new Phrase(
              "Additional report on this case: a reply is expected.", "このケースへの追加の通報です。返信が必要です。");
      case REMINDER ->
          new Phrase(
              "AWS reminder: AWS has not received a reply yet.", "AWSからの催促です。AWSはまだ返信を受け取っていません。");
      case FINAL ->
          new Phrase(
              "FINAL NOTIFICATION: AWS has already taken action against the resources below."
                  + " Reply now.",
              "最終通知：AWSは下記のリソースに対して既に措置を実施しました。至急返信してください。");
      case CLOSED -> new Phrase("AWS closed the case.", "AWSがケースをクローズしました。");
      case NOT_ABUSE -> new Phrase("Not an abuse report.", "不正利用の通報ではありません。");
    };
  }

  /** The kind's short name: {@code FINAL NOTIFICATION}. */
  public static Phrase kindName(Kind kind) {
    return switch (kind) {
      case NOTICE -> new Phrase("Notice", "通報");
      case FOLLOW_UP -> new Phrase("Follow-up", "追加の通報");
      case REMINDER -> new Phrase("AWS reminder", "AWSからの催促");
      case FINAL -> new Phrase("FINAL NOTIFICATION", "最終通知");
      case CLOSED -> new Phrase("Case closed", "ケースのクローズ");
      case NOT_ABUSE -> new Phrase("Not abuse", "通報以外");
    };
  }

  /** Where a report came from: {@code email}, {@code AWS Health}. */
  public static Phrase channel(Channel channel) {
    return switch (channel) {
      case EMAIL -> new Phrase("email", "メール");
      case HEALTH -> new Phrase("AWS Health", "AWS Health");
    };
  }

  public static Phrase status(CaseStatus status) {
    return switch (status) {
      case OPEN -> new Phrase("Open (nobody has taken it)", "未対応（担当者なし）");
      case ACKNOWLEDGED -> new Phrase("Acknowledged", "対応中");
      case REPLIED -> new Phrase("Replied to AWS", "AWSへ返信済み");
      case MITIGATED -> new Phrase("Mitigated", "応急処置済み");
      case RESOLVED -> new Phrase("Resolved", "解決済み");
      case CLOSED_BY_AWS -> new Phrase("Closed by AWS", "AWSによりクローズ");
    };
  }

  /** The title of a message of this type; reminders read differently once overdue. */
  public static Phrase title(Alert.Type type, boolean overdue) {
    return switch (type) {
      case NEW_CASE -> new Phrase("New AWS abuse report", "AWS不正利用の通報（新規）");
      case UPDATE -> new Phrase("Update from AWS", "AWSからの続報");
      case CLOSED_BY_AWS -> new Phrase("AWS closed the case", "AWSがケースをクローズしました");
      case CLOSED_UNVERIFIED ->
          new Phrase("AWS says closed — not verified, confirm?", "AWSからのクローズ通知（未検証）— 確認してください");
      case STATUS -> new Phrase("Case status changed", "ケースの状態が変わりました");
      case REMINDER ->
          overdue
              ? new Phrase("Overdue: reply to AWS now", "期限超過：至急AWSへ返信してください")
              : new Phrase("Reminder: reply to AWS", "リマインド：AWSへの返信");
      case ESCALATION ->
          new Phrase("Escalation: nobody has taken this case", "エスカレーション：担当者が決まっていません");
      case TEST -> new Phrase("Test message from Abuse Desk", "Abuse Desk のテストメッセージ");
      case CUSTOMER_ANSWERED -> new Phrase("The customer answered", "顧客から回答がありました");
      case CUSTOMER_LATE ->
          new Phrase("The customer has not answered in time", "顧客からの回答が期限までにありません");
    };
  }

  public static Phrase label(Texts.Label label) {
    return switch (label) {
      case STATUS -> new Phrase("Status", "状態");
      case CATEGORY -> new Phrase("Category", "種別");
      case ACCOUNT -> new Phrase("Account", "アカウント");
      case CUSTOMER -> new Phrase("Customer", "顧客");
      case REGIONS -> new Phrase("Regions", "リージョン");
      case RESOURCES -> new Phrase("Resources", "リソース");
      case IPS -> new Phrase("IPs", "IPアドレス");
      case AWS_CASE -> new Phrase("AWS case", "AWSケース番号");
      case REPORT -> new Phrase("Report", "通報の種類");
      case RECEIVED -> new Phrase("Received", "受信日時");
      case DEADLINE -> new Phrase("Deadline", "返信期限");
      case TIME_LEFT -> new Phrase("Time left", "残り時間");
      case OWNER -> new Phrase("Owner", "担当者");
      case CHANGED_BY -> new Phrase("Changed by", "変更者");
      case NOTE -> new Phrase("Note", "メモ");
      case COMPLAINT -> new Phrase("What the report says (excerpt)", "通報内容（抜粋）");
      case AWS_ACTIONS -> new Phrase("What AWS already did", "AWSが実施済みの措置");
      case STEPS -> new Phrase("What to do", "対応手順");
      case OPEN_CASE -> new Phrase("Open the case", "ケースを開く");
      case ACKNOWLEDGE -> new Phrase("Acknowledge", "担当する");
      case CONFIRM_CLOSED -> new Phrase("Confirm: AWS closed it", "AWSのクローズを確認");
      case CUSTOMER_CONTACT -> new Phrase("Customer contact", "顧客の担当者");
      case CUSTOMER_VERDICT -> new Phrase("Their answer", "回答");
      case CUSTOMER_STOPPED -> new Phrase("What they stopped", "停止・削除したもの");
      case CUSTOMER_CHANGED -> new Phrase("What they changed", "再発防止のための変更");
      case CUSTOMER_MORE_TIME -> new Phrase("Why they need more time", "時間が必要な理由");
      case CUSTOMER_DEADLINE -> new Phrase("Customer's deadline", "顧客の回答期限");
    };
  }

  /** What a customer said the reported activity was. */
  public static Phrase verdict(CustomerAnswer.Verdict verdict) {
    return switch (verdict) {
      case OURS -> new Phrase("It was our workload", "自社（自分たち）の利用によるもの");
      case NOT_OURS -> new Phrase("It was not us", "自社の利用ではない");
      case NEED_TIME -> new Phrase("They need more time", "調査に時間が必要");
    };
  }
}
