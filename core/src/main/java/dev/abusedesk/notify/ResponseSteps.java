package dev.abusedesk.notify;

import dev.abusedesk.config.Language;
import dev.abusedesk.config.Phrase;
import dev.abusedesk.report.Category;
import java.util.List;

/** The response steps AWS expects for a category, in order, as a message lists them. */
final class ResponseSteps {

  private ResponseSteps() {}

  private static final Phrase FIRST_REPLY =
      new Phrase(
          "Reply to AWS before the deadline (AWS expects a first reply within 24 hours), even before"
              + " you know everything: say that you are investigating.",
          "期限までにAWSへ一次返信する（AWSは24時間以内の返信を求めています）。全容が分からなくても、調査中であることを伝える。");
  private static final Phrase FIRST_AID =
      new Phrase("First aid, stop the activity: {}", "応急処置として活動を止める：{}");
  private static final Phrase FINDINGS =
      new Phrase("Reply to AWS with what you found and what you did.", "調査結果と実施した対処をAWSへ返信する。");
  private static final Phrase ROOT_CAUSE = new Phrase("Fix the root cause: {}", "根本原因を修正する：{}");

  static List<String> of(Category category, Language language) {
    return List.of(
        FIRST_REPLY.in(language),
        FIRST_AID.in(language, firstAid(category).in(language)),
        FINDINGS.in(language),
        ROOT_CAUSE.in(language, rootCause(category).in(language)));
  }

  static Phrase firstAid(Category category) {
    return switch (category) {
      case SPAM ->
          new Phrase(
              "stop the mail queue (or block outbound port 25), block sending to the complaining"
                  + " domains, find the script or account that sends, check contact forms and"
                  + " auto-replies.",
              "メールキューを止める（または送信ポート25を遮断する）、苦情元ドメインへの送信を止める、"
                  + "送信しているスクリプトやアカウントを特定する、問い合わせフォームや自動返信を確認する。");
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          new Phrase(
              "restrict the security group's outbound rules, take a snapshot of the volumes for"
                  + " forensics, then stop the instance.",
              "セキュリティグループのアウトバウンドを制限し、調査用にボリュームのスナップショットを取ってから、インスタンスを停止する。");
      case OPEN_PROXY ->
          new Phrase(
              "close the proxy or relay port in the security group and in the service's settings.",
              "セキュリティグループとサービスの設定で、プロキシ・リレーのポートを閉じる。");
      case PHISHING, MALWARE ->
          new Phrase(
              "take the content down (remove the files or block the path) and look for other files"
                  + " the attacker added.",
              "コンテンツを削除する（ファイルの削除またはパスの遮断）。攻撃者が置いた他のファイルも探す。");
      case COPYRIGHT, ILLEGAL_CONTENT ->
          new Phrase(
              "remove the reported content or block access to it.",
              "通報されたコンテンツを削除する、またはアクセスを遮断する。");
      case PII ->
          new Phrase(
              "remove the exposed personal data or block public access to it (S3 Block Public"
                  + " Access, bucket policy).",
              "露出した個人情報を削除する、または公開アクセスを遮断する（S3ブロックパブリックアクセス、バケットポリシー）。");
      case CC_FRAUD ->
          new Phrase(
              "stop the fraudulent transactions: disable the affected checkout or account and keep"
                  + " the logs.",
              "不正な取引を止める。該当する決済やアカウントを無効にし、ログを保全する。");
      case CREDENTIALS_EXPOSED ->
          new Phrase(
              "deactivate the exposed access key, create a new one and rotate it where it is used,"
                  + " review the key's activity in CloudTrail, remove it from the public place.",
              "漏洩したアクセスキーを無効化し、新しいキーを作成して利用箇所で差し替える。" + "CloudTrailでキーの利用履歴を確認し、公開場所からキーを削除する。");
      case OTHER ->
          new Phrase(
              "read what AWS asks for and stop the reported activity.",
              "AWSの依頼内容を確認し、通報された活動を止める。");
    };
  }

  static Phrase rootCause(Category category) {
    return switch (category) {
      case SPAM ->
          new Phrase(
              "patch or remove the abused script or form, add CAPTCHA and rate limits, rotate"
                  + " leaked SMTP credentials.",
              "悪用されたスクリプトやフォームを修正または削除し、CAPTCHAと送信数制限を入れ、漏れたSMTP認証情報を変更する。");
      case DOS, PORT_SCAN, INTRUSION, BOTNET ->
          new Phrase(
              "find how the instance was compromised (processes, cron, SSH keys, logs), rebuild it"
                  + " from a clean image, patch, rotate its credentials.",
              "侵入経路を調べ（プロセス、cron、SSH鍵、ログ）、クリーンなイメージから再構築し、パッチを当て、認証情報を変更する。");
      case OPEN_PROXY ->
          new Phrase(
              "require authentication and listen only where needed.", "認証を必須にし、必要な範囲でのみ待ち受ける。");
      case PHISHING, MALWARE ->
          new Phrase(
              "find how the content got there (CMS plugin, leaked password), patch, rotate"
                  + " credentials.",
              "設置された経路（CMSプラグイン、漏洩したパスワード等）を調べ、修正し、認証情報を変更する。");
      case COPYRIGHT, ILLEGAL_CONTENT ->
          new Phrase(
              "review how users publish content and your notice-and-takedown process.",
              "利用者によるコンテンツ公開の仕組みと、削除依頼への対応手順を見直す。");
      case PII ->
          new Phrase(
              "review access controls, and whether the exposure must be notified.",
              "アクセス制御を見直し、漏洩の届け出が必要か確認する。");
      case CC_FRAUD ->
          new Phrase(
              "find how card data or the account was misused and tell your payment provider.",
              "カード情報やアカウントが悪用された経緯を調べ、決済事業者に連絡する。");
      case CREDENTIALS_EXPOSED ->
          new Phrase(
              "delete the old key, look for resources the attacker created (EC2, IAM users,"
                  + " Lambda) in every region, prefer roles to long-lived keys.",
              "古いキーを削除し、攻撃者が作成したリソース（EC2、IAMユーザー、Lambda等）を全リージョンで確認する。"
                  + "長期のアクセスキーではなくIAMロールを使う。");
      case OTHER -> new Phrase("find out how it happened and fix it.", "発生原因を調べて修正する。");
    };
  }
}
