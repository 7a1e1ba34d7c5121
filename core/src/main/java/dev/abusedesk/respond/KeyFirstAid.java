package dev.abusedesk.respond;

import dev.abusedesk.config.Phrase;

/** An exposed access key: deactivate it, replace it, see what it was used for. */
final class KeyFirstAid {

  private KeyFirstAid() {}

  static void steps(CaseFacts facts, Playbooks.Steps steps) {
    String key = Playbooks.first(facts.accessKeys(), "ACCESS_KEY_ID");
    steps.add(
        new Phrase("Deactivate the exposed key", "漏洩したアクセスキーを無効化する"),
        new Phrase(
            "Deactivate first (it can be undone), delete once nothing needs it any more.",
            "まず無効化します（元に戻せます）。不要になったことを確認してから削除します。"),
        "IAM_USER=$(aws iam get-access-key-last-used --access-key-id "
            + key
            + " --query UserName --output text)",
        "aws iam update-access-key --user-name \"$IAM_USER\" --access-key-id "
            + key
            + " --status Inactive");
    steps.add(
        new Phrase("Create a new key", "新しいアクセスキーを作成する"),
        new Phrase(
            "Put it where the old one was used; better still, use an IAM role there.",
            "古いキーを使っていた箇所で差し替えます。可能ならIAMロールに切り替えます。"),
        "aws iam create-access-key --user-name \"$IAM_USER\"");
    steps.add(
        new Phrase("Review what the key did", "キーの利用履歴を確認する"),
        new Phrase(
            "CloudTrail shows every call made with the key in the last 90 days; look for resources"
                + " created in other regions too.",
            "CloudTrailで過去90日間のこのキーによる操作を確認します。他のリージョンに作成されたリソースも探します。"),
        "aws cloudtrail lookup-events --region "
            + facts.region()
            + " --lookup-attributes AttributeKey=AccessKeyId,AttributeValue="
            + key
            + " --max-results 50 --query 'Events[].[EventTime,EventName,EventSource]'"
            + " --output text",
        "for r in $(aws ec2 describe-regions --query 'Regions[].RegionName' --output text); do"
            + " echo \"$r\"; aws ec2 describe-instances --region \"$r\" --query"
            + " 'Reservations[].Instances[].[InstanceId,LaunchTime]' --output text; done");
    steps.add(
        new Phrase("Delete the old key", "古いキーを削除する"),
        new Phrase(
            "Once everything runs with the new key, and remove the key from where it was published.",
            "新しいキーで動作することを確認したら削除し、公開されていた場所からもキーを消します。"),
        "aws iam delete-access-key --user-name \"$IAM_USER\" --access-key-id " + key);
  }
}
