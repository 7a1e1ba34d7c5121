#!/usr/bin/env python3
"""Writes N real-shaped ec2-abuse@amazon.com notices (varying case numbers, accounts, instances,
addresses and dates) into DIR as notice-00001.eml ... for the parse benchmarks.

Usage: python3 bench/generate_notices.py DIR [N]
"""
import os
import random
import sys

TEMPLATE = """Return-Path: <ec2-abuse@amazon.com>
Authentication-Results: mx.example-msp.jp;
\tdkim=pass header.d=amazon.com header.s=amazon201209;
\tspf=pass smtp.mailfrom=ec2-abuse@amazon.com
Received: from smtp-fw-9102.amazon.com (smtp-fw-9102.amazon.com [192.0.2.29])
\tby mx.example-msp.jp (Postfix) with ESMTPS id 4Q1xYz0abcz9sQ
\tfor <security@example-msp.jp>; {date}
From: Amazon EC2 Abuse <ec2-abuse@amazon.com>
To: security@example-msp.jp
Subject: Your Amazon EC2 Abuse Report [{case}] [AWS ID {account}]
Date: {date}
Message-ID: <0100018f{case}-{n:05d}@email.amazonses.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Hello,

We've received a report(s) that your AWS resource(s)

AWS ID: {account}\tRegion: {region}\tEC2 Instance Id: {instance} [{ip}]

has been implicated in activity which resembles {activity}; please
review the information provided below about the activity.

Please take action to stop the reported activity and reply directly to this email with details of the
corrective actions you have taken. If you do not consider the activity described in these reports to be
abusive, please reply to this email with details of your use case.

If you're unaware of this activity, it's possible that your environment has been compromised by an
external attacker, or a vulnerability is allowing your machine to be used in a way that it was not
intended.

Regards,
AWS Abuse

Abuse Case Number: {case}

---------------------------------------------------------
We've included the original report below for your review:

From: noc@victim-hosting.example
Subject: Abuse from {ip}

Our monitoring detected {activity} from {ip} towards 198.51.100.17 between
01:40 and 02:55 UTC. Please stop this traffic.

  01:40:02 UTC {ip}:53211 -> 198.51.100.17:80 len=1472
  01:40:02 UTC {ip}:53212 -> 198.51.100.17:80 len=1472
"""

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2"]
ACTIVITIES = [
    "a Denial of Service attack against remote hosts",
    "scanning remote hosts on the internet for security vulnerabilities",
    "attempts to access remote hosts on the internet without authorization",
    "the sending of spam or unsolicited email",
]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def main(directory, count):
    rng = random.Random(20251014)
    os.makedirs(directory, exist_ok=True)
    for n in range(1, count + 1):
        day = 1 + n % 28
        text = TEMPLATE.format(
            n=n,
            case=20800000 + n,
            account="%012d" % rng.randrange(10**11, 10**12),
            region=rng.choice(REGIONS),
            instance="i-0%016x" % rng.getrandbits(64),
            ip="203.0.113.%d" % (1 + n % 254),
            activity=rng.choice(ACTIVITIES),
            date="%s, %02d Oct 2025 %02d:%02d:%02d +0000"
            % (DAYS[day % 7], day, n % 24, n % 60, (7 * n) % 60),
        )
        with open(os.path.join(directory, "notice-%05d.eml" % n), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3000)
