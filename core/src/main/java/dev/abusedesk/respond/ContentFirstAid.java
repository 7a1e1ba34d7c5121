package dev.abusedesk.respond;

import dev.abusedesk.config.Phrase;

/** Content on the account's servers or buckets: take it down, keep a copy, find the way in. */
final class ContentFirstAid {

  private ContentFirstAid() {}

  static void takeDown(CaseFacts facts, Playbooks.Steps steps) {
    findContent(facts, steps);
    steps.add(
        new Phrase("Take the content down", "コンテンツを削除する"),
        new Phrase(
            "Move the files out of the web root (keep them for the investigation) and check that"
                + " the URL now answers 404 or 410.",
            "ファイルを公開ディレクトリの外へ移し（調査のため保管）、URLが404または410を返すことを確認します。"),
        "mkdir -p /root/abusedesk-case-" + facts.caseId(),
        "mv -- \"${FILE:?set FILE first}\" /root/abusedesk-case-" + facts.caseId() + "/");
    steps.add(
        new Phrase("Find the entry point", "侵入経路を調べる"),
        new Phrase(
            "Recently changed files, PHP that decodes and runs code, and the requests that uploaded"
                + " them; then update the CMS and its plugins and change the passwords.",
            "最近変更されたファイル、コードを復号して実行するPHP、それをアップロードしたリクエストを調べます。"
                + "その後、CMSとプラグインを更新し、パスワードを変更します。"),
        "find /var/www -type f -mtime -14 -newer /var/www/index.php | head -n 100",
        "grep -rlE 'eval\\(|base64_decode|gzinflate|str_rot13' /var/www --include='*.php'"
            + " | head -n 50",
        "grep -hE '\"POST [^\"]*\\.php' /var/log/nginx/access.log /var/log/apache2/access.log"
            + " 2>/dev/null | awk '{print $1, $7}' | sort | uniq -c | sort -rn | head");
  }

  static void remove(CaseFacts facts, Playbooks.Steps steps) {
    findContent(facts, steps);
    steps.add(
        new Phrase("Remove the content", "コンテンツを削除する"),
        new Phrase(
            "Remove the reported content or block access to it, and tell the user who published it.",
            "通報されたコンテンツを削除するかアクセスを遮断し、公開した利用者に連絡します。"),
        "mv -- \"${FILE:?set FILE first}\" /root/abusedesk-case-" + facts.caseId() + "/");
    if (!facts.buckets().isEmpty()) {
      steps.add(
          new Phrase("Block public access to the bucket", "バケットのパブリックアクセスを遮断する"),
          new Phrase(
              "While you look, nothing in the bucket is public.", "調査の間、バケット内のものが公開されないようにします。"),
          "aws s3api put-public-access-block --bucket "
              + Shell.quote(facts.buckets().get(0))
              + " --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,"
              + "BlockPublicPolicy=true,RestrictPublicBuckets=true");
    }
  }

  static void general(CaseFacts facts, Playbooks.Steps steps) {
    steps.add(
        new Phrase("Read what AWS asks", "AWSの依頼内容を確認する"),
        new Phrase(
            "Read the report below, find the reported activity on these resources and stop it: "
                + String.join(", ", facts.resources().stream().map(ReplyDrafts::clean).toList()),
            "下の通報を読み、次のリソースで通報された活動を探して止めます："
                + String.join(", ", facts.resources().stream().map(ReplyDrafts::clean).toList())));
  }

  private static void findContent(CaseFacts facts, Playbooks.Steps steps) {
    if (!facts.buckets().isEmpty()) {
      String bucket = Shell.quote(facts.buckets().get(0));
      steps.add(
          new Phrase("Find the content in the bucket", "バケット内のコンテンツを探す"),
          new Phrase(
              "The report names this S3 bucket; list what changed recently.",
              "通報にはこのS3バケットが記載されています。最近変更されたものを一覧します。"),
          "aws s3api list-objects-v2 --bucket "
              + bucket
              + " --query 'reverse(sort_by(Contents,&LastModified))[:50].[Key,LastModified]'"
              + " --output text",
          "aws s3 rm \"s3://\"" + bucket + "\"/${KEY:?set KEY first}\"");
    }
    for (String domain : facts.domainsReported()) {
      steps.add(
          new Phrase("Find the reported pages of " + domain, domain + " の通報されたページを探す"),
          new Phrase(
              "Which web root serves this domain, and what answers there now.",
              "このドメインを配信している公開ディレクトリと、現在の応答を確認します。"),
          "grep -rlF -- " + Shell.quote(domain) + " /etc/nginx /etc/apache2 2>/dev/null",
          "curl -sI -- " + Shell.quote("http://" + domain + "/") + " | head -n 5");
    }
  }
}
