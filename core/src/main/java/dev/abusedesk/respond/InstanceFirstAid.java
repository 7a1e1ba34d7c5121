package dev.abusedesk.respond;

import dev.abusedesk.config.Phrase;

/**
 * Traffic from an instance (DoS, scans, intrusion attempts, a botnet, an open proxy): look, keep
 * evidence, cut it off, stop it.
 */
final class InstanceFirstAid {

  private InstanceFirstAid() {}

  static void isolate(CaseFacts facts, Playbooks.Steps steps) {
    String region = facts.region();
    String instance = Playbooks.first(facts.instances(), "INSTANCE_ID");
    describe(facts, steps);
    steps.add(
        new Phrase("Snapshot the volumes for forensics", "調査用にボリュームのスナップショットを取る"),
        new Phrase(
            "Before changing anything: the snapshots keep the evidence of how it happened.",
            "変更を加える前に、原因調査の証拠としてスナップショットを残します。"),
        "for v in $(aws ec2 describe-volumes --region "
            + region
            + " --filters Name=attachment.instance-id,Values="
            + instance
            + " --query 'Volumes[].VolumeId' --output text); do aws ec2 create-snapshot --region "
            + region
            + " --volume-id \"$v\" --description 'abusedesk case "
            + facts.caseId()
            + " forensics'; done");
    steps.add(
        new Phrase("Cut off outbound traffic", "アウトバウンド通信を遮断する"),
        new Phrase(
            "A quarantine security group without any outbound rule replaces the instance's groups;"
                + " the groups themselves stay unchanged for the other instances that use them.",
            "アウトバウンドルールを持たない隔離用セキュリティグループに付け替えます。" + "元のグループは、それを使う他のインスタンスのためにそのまま残します。"),
        "VPC_ID=$(aws ec2 describe-instances --region "
            + region
            + " --instance-ids "
            + instance
            + " --query 'Reservations[0].Instances[0].VpcId' --output text)",
        "QUARANTINE_SG=$(aws ec2 create-security-group --region "
            + region
            + " --vpc-id \"$VPC_ID\" --group-name abusedesk-quarantine-"
            + facts.caseId()
            + " --description 'abusedesk case "
            + facts.caseId()
            + ": no traffic' --query GroupId --output text)",
        "aws ec2 revoke-security-group-egress --region "
            + region
            + " --group-id \"$QUARANTINE_SG\" --ip-permissions"
            + " '[{\"IpProtocol\":\"-1\",\"IpRanges\":[{\"CidrIp\":\"0.0.0.0/0\"}]}]'",
        "aws ec2 modify-instance-attribute --region "
            + region
            + " --instance-id "
            + instance
            + " --groups \"$QUARANTINE_SG\"");
    steps.add(
        new Phrase("Stop the instance", "インスタンスを停止する"),
        new Phrase(
            "Stopping keeps the disks; terminate only after the investigation.",
            "停止ではディスクは残ります。削除（terminate）は調査の後にします。"),
        "aws ec2 stop-instances --region "
            + region
            + " --instance-ids "
            + Playbooks.words(facts.instances(), "INSTANCE_ID"));
    steps.add(
        new Phrase("Find the entry point", "侵入経路を調べる"),
        new Phrase(
            "From a snapshot mounted on a clean instance: unknown processes and cron jobs, new SSH"
                + " keys and users, and the logins before the activity began.",
            "スナップショットをクリーンなインスタンスにマウントして調べます：不審なプロセスやcron、" + "追加されたSSH鍵やユーザー、活動開始前のログイン。"),
        "grep -rE 'curl|wget|/tmp/|base64' /mnt/evidence/etc/cron* /mnt/evidence/var/spool/cron"
            + " 2>/dev/null",
        "find /mnt/evidence/home /mnt/evidence/root -name authorized_keys -newer"
            + " /mnt/evidence/etc/hostname",
        "grep -hE 'Accepted|Failed' /mnt/evidence/var/log/auth.log* | tail -n 50");
  }

  static void closeProxy(CaseFacts facts, Playbooks.Steps steps) {
    String region = facts.region();
    describe(facts, steps);
    steps.add(
        new Phrase("Close the proxy port", "プロキシのポートを閉じる"),
        new Phrase(
            "Remove the rule that opens the proxy port (3128, 8080, 1080 are common) to the"
                + " internet.",
            "プロキシのポート（3128、8080、1080 など）をインターネットに開けているルールを削除します。"),
        "aws ec2 describe-security-groups --region "
            + region
            + " --group-ids "
            + Playbooks.words(facts.securityGroups(), "SECURITY_GROUP_ID")
            + " --query 'SecurityGroups[].IpPermissions[]'",
        "aws ec2 revoke-security-group-ingress --region "
            + region
            + " --group-id "
            + Playbooks.first(facts.securityGroups(), "SECURITY_GROUP_ID")
            + " --protocol tcp --port \"${PROXY_PORT:-3128}\" --cidr 0.0.0.0/0");
    steps.add(
        new Phrase("Stop the proxy service", "プロキシのサービスを止める"),
        new Phrase(
            "On the instance: find what listens and stop it, or require authentication.",
            "インスタンス上で待ち受けているサービスを確認して止めるか、認証を必須にします。"),
        "ss -tlnp",
        "systemctl stop squid danted 3proxy tinyproxy 2>/dev/null; systemctl --failed");
  }

  private static void describe(CaseFacts facts, Playbooks.Steps steps) {
    steps.add(
        new Phrase("Look at the instance", "インスタンスを確認する"),
        new Phrase(
            "Its state, addresses and security groups, as the report names it.",
            "通報に記載されたインスタンスの状態、アドレス、セキュリティグループを確認します。"),
        "aws ec2 describe-instances --region "
            + facts.region()
            + " --instance-ids "
            + Playbooks.words(facts.instances(), "INSTANCE_ID")
            + " --query 'Reservations[].Instances[].{Id:InstanceId,State:State.Name,"
            + "Ip:PublicIpAddress,Groups:SecurityGroups[].GroupId}'");
  }
}
