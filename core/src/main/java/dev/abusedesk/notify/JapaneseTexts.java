package dev.abusedesk.notify;

import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.report.Category;
import dev.abusedesk.report.Channel;
import dev.abusedesk.report.Kind;
import java.time.Duration;
import java.util.List;

/** The Japanese texts. */
final class JapaneseTexts implements Texts {

  static final JapaneseTexts INSTANCE = new JapaneseTexts();

  private JapaneseTexts() {}

  @Override
  public String category(Category category) {
    return switch (category) {
      case SPAM -> "スパム・迷惑メール送信";
      case DOS -> "DoS攻撃（サービス妨害）";
      case PORT_SCAN -> "ポートスキャン";
      case INTRUSION -> "不正侵入の試み（ブルートフォース・脆弱性攻撃）";
      case OPEN_PROXY -> "オープンプロキシ・オープンリレー";
      case PHISHING -> "フィッシングサイト";
      case MALWARE -> "マルウェアの設置・配布";
      case BOTNET -> "ボットネット・C&C通信";
      case COPYRIGHT -> "著作権侵害";
      case PII -> "個人情報の露出";
      case ILLEGAL_CONTENT -> "違法・禁止コンテンツ";
      case CC_FRAUD -> "クレジットカード不正利用";
      case CREDENTIALS_EXPOSED -> "AWSアクセスキーの漏洩";
      case OTHER -> "その他の不正利用";
    };
  }

  @Override
  public String kind(Kind kind) {
    return switch (kind) {
      case NOTICE -> "AWSからの新しい通報です。返信が必要です。";
      case FOLLOW_UP -> "このケースへの追加の通報です。返信が必要です。";
      case REMINDER -> "AWSからの催促です。AWSはまだ返信を受け取っていません。";
      case FINAL -> "最終通知：AWSは下記のリソースに対して既に措置を実施しました。至急返信してください。";
      case CLOSED -> "AWSがケースをクローズしました。";
      case NOT_ABUSE -> "不正利用の通報ではありません。";
    };
  }

  @Override
  public String kindName(Kind kind) {
    return switch (kind) {
      case NOTICE -> "通報";
      case FOLLOW_UP -> "追加の通報";
      case REMINDER -> "AWSからの催促";
      case FINAL -> "最終通知";
      case CLOSED -> "ケースのクローズ";
      case NOT_ABUSE -> "通報以外";
    };
  }

  @Override
  public String channel(Channel channel) {
    return switch (channel) {
      case EMAIL -> "メール";
      case HEALTH -> "AWS Health";
    };
  }

  @Override
  public String status(CaseStatus status) {
    return switch (status) {
      case OPEN -> "未対応（担当者なし）";
      case ACKNOWLEDGED -> "対応中";
      case REPLIED -> "AWSへ返信済み";
      case MITIGATED -> "応急処置済み";
      case RESOLVED -> "解決済み";
      case CLOSED_BY_AWS -> "AWSによりクローズ";
    };
  }

  @Override
  public String title(Alert.Type type, boolean overdue) {
    return switch (type) {
      case NEW_CASE -> "AWS不正利用の通報（新規）";
      case UPDATE -> "AWSからの続報";
      case CLOSED_BY_AWS -> "AWSがケースをクローズしました";
      case CLOSED_UNVERIFIED -> "AWSからのクローズ通知（未検証）— 確認してください";
      case STATUS -> "ケースの状態が変わりました";
      case REMINDER -> overdue ? "期限超過：至急AWSへ返信してください" : "リマインド：AWSへの返信";
      case ESCALATION -> "エスカレーション：担当者が決まっていません";
      case TEST -> "Abuse Desk のテストメッセージ";
    };
  }

  @Override
  public String caseTitle(String title, String category, long caseId) {
    return title + " — " + category + "（ケース #" + caseId + "）";
  }

  @Override
  public String label(Label label) {
    return switch (label) {
      case STATUS -> "状態";
      case CATEGORY -> "種別";
      case ACCOUNT -> "アカウント";
      case CUSTOMER -> "顧客";
      case REGIONS -> "リージョン";
      case RESOURCES -> "リソース";
      case IPS -> "IPアドレス";
      case AWS_CASE -> "AWSケース番号";
      case REPORT -> "通報の種類";
      case RECEIVED -> "受信日時";
      case DEADLINE -> "返信期限";
      case TIME_LEFT -> "残り時間";
      case OWNER -> "担当者";
      case CHANGED_BY -> "変更者";
      case NOTE -> "メモ";
      case COMPLAINT -> "通報内容（抜粋）";
      case AWS_ACTIONS -> "AWSが実施済みの措置";
      case STEPS -> "対応手順";
      case OPEN_CASE -> "ケースを開く";
      case ACKNOWLEDGE -> "担当する";
      case CONFIRM_CLOSED -> "AWSのクローズを確認";
    };
  }

  @Override
  public String unregistered() {
    return "未登録のアカウント";
  }

  @Override
  public String senderWarning() {
    return "送信元を検証できませんでした（DKIM失敗）。フィッシングによるなりすましの可能性があります。"
        + "対応する前にAWSコンソールでケースを確認し、メール内のリンクは開かないでください。";
  }

  @Override
  public String settledLead(Kind kind, CaseStatus status) {
    return "AWSからの" + kindName(kind) + "ですが、ケースは現在「" + status(status) + "」のため、返信は不要です。";
  }

  @Override
  public String unverifiedCloseLead() {
    return "AWSがケースをクローズしたとするメールが届きましたが、AWSからのものと確認できません。"
        + "ケースのページで誰かが確認するまで、ケースは未完了のままでリマインドも続きます。";
  }

  @Override
  public String digestTitle(Alert.Type type, int count) {
    return switch (type) {
      case NEW_CASE -> "AWS不正利用の通報（新規） " + count + "件";
      case REMINDER -> "AWSへの返信待ちのケース " + count + "件";
      case ESCALATION -> "誰も担当していないケース " + count + "件";
      default -> "ケースに関するメッセージ " + count + "件";
    };
  }

  @Override
  public String digestLead(Alert.Type type) {
    return switch (type) {
      case NEW_CASE -> "一度に届いた通報が多いため、まとめてお知らせします。各ケースの続報はケースごとに届きます。";
      case REMINDER -> "同時に期限を迎えたリマインドです。ケースごとにAWSへ返信してください。";
      case ESCALATION -> "誰も担当しておらず、返信期限が迫っているケースです。すぐに担当を決めてください。";
      default -> "同時に届いたメッセージです。";
    };
  }

  @Override
  public String digestSenderWarning() {
    return "一部のメールは送信元を検証できませんでした（DKIM失敗）。なりすましの可能性があります。" + "対応する前にAWSコンソールで各ケースを確認してください。";
  }

  @Override
  public String more(int count) {
    return "他" + count + "件";
  }

  @Override
  public String duration(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    if (days > 0) {
      return days + "日" + hours + "時間";
    }
    return hours > 0 ? hours + "時間" + minutes % 60 + "分" : minutes % 60 + "分";
  }

  @Override
  public String overdueBy(Duration late) {
    return duration(late) + "超過";
  }

  @Override
  public String reminderLead(Duration left) {
    return left.isNegative()
        ? "AWSへの一次返信の期限を" + duration(left.negated()) + "過ぎています。"
        : "AWSへの一次返信の期限まで残り" + duration(left) + "です。";
  }

  @Override
  public String escalationLead(Duration left) {
    return left.isNegative()
        ? "担当者が決まらないまま、返信期限を" + duration(left.negated()) + "過ぎています。"
        : "担当者が決まらないまま、返信期限まで残り" + duration(left) + "です。";
  }

  @Override
  public String statusLead(CaseStatus status, String actor) {
    return "現在の状態：" + status(status) + (actor.isEmpty() ? "" : "（" + actor + "）") + "。";
  }

  @Override
  public String testLead() {
    return "これはテストです。このメッセージが読めれば、Abuse Desk の通知はここに届きます。対応は不要です。";
  }

  @Override
  public List<String> steps(Category category) {
    return List.of(
        "期限までにAWSへ一次返信する（AWSは24時間以内の返信を求めています）。全容が分からなくても、調査中であることを伝える。",
        "応急処置として活動を止める：" + firstAid(category),
        "調査結果と実施した対処をAWSへ返信する。",
        "根本原因を修正する：" + rootCause(category));
  }

  private static String firstAid(Category category) {
    return switch (category) {
      case SPAM ->
          "メールキューを止める（または送信ポート25を遮断する）、苦情元ドメインへの送信を止める、"
              + "送信しているスクリプトやアカウントを特定する、問い合わせフォームや自動返信を確認する。";
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          "セキュリティグループのアウトバウンドを制限し、調査用にボリュームのスナップショットを取ってから、インスタンスを停止する。";
      case OPEN_PROXY -> "セキュリティグループとサービスの設定で、プロキシ・リレーのポートを閉じる。";
      case PHISHING, MALWARE -> "コンテンツを削除する（ファイルの削除またはパスの遮断）。攻撃者が置いた他のファイルも探す。";
      case COPYRIGHT, ILLEGAL_CONTENT -> "通報されたコンテンツを削除する、またはアクセスを遮断する。";
      case PII -> "露出した個人情報を削除する、または公開アクセスを遮断する（S3ブロックパブリックアクセス、バケットポリシー）。";
      case CC_FRAUD -> "不正な取引を止める。該当する決済やアカウントを無効にし、ログを保全する。";
      case CREDENTIALS_EXPOSED ->
          "漏洩したアクセスキーを無効化し、新しいキーを作成して利用箇所で差し替える。" + "CloudTrailでキーの利用履歴を確認し、公開場所からキーを削除する。";
      case OTHER -> "AWSの依頼内容を確認し、通報された活動を止める。";
    };
  }

  private static String rootCause(Category category) {
    return switch (category) {
      case SPAM -> "悪用されたスクリプトやフォームを修正または削除し、CAPTCHAと送信数制限を入れ、漏れたSMTP認証情報を変更する。";
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          "侵入経路を調べ（プロセス、cron、SSH鍵、ログ）、クリーンなイメージから再構築し、パッチを当て、認証情報を変更する。";
      case OPEN_PROXY -> "認証を必須にし、必要な範囲でのみ待ち受ける。";
      case PHISHING, MALWARE -> "設置された経路（CMSプラグイン、漏洩したパスワード等）を調べ、修正し、認証情報を変更する。";
      case COPYRIGHT, ILLEGAL_CONTENT -> "利用者によるコンテンツ公開の仕組みと、削除依頼への対応手順を見直す。";
      case PII -> "アクセス制御を見直し、漏洩の届け出が必要か確認する。";
      case CC_FRAUD -> "カード情報やアカウントが悪用された経緯を調べ、決済事業者に連絡する。";
      case CREDENTIALS_EXPOSED ->
          "古いキーを削除し、攻撃者が作成したリソース（EC2、IAMユーザー、Lambda等）を全リージョンで確認する。" + "長期のアクセスキーではなくIAMロールを使う。";
      case OTHER -> "発生原因を調べて修正する。";
    };
  }

  @Override
  public String truncated() {
    return "…［以下省略］";
  }
}
