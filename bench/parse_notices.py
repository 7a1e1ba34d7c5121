#!/usr/bin/env python3
"""The baseline for bench/parse-vs-python.sh: a plain Python 3 standard-library reader of AWS abuse
notices (email.parser + re), printing one JSON line per file with the core fields of
`abusedesk parse`. It reads the ec2-abuse notice and the Trust & Safety template the way a careful
script would; it is not a port of every rule of the Java parser.

Usage: python3 bench/parse_notices.py FILE...
"""
import email
import email.header
import email.utils
import json
import re
import sys
from datetime import datetime, timedelta, timezone

ACCOUNT = re.compile(r"(?i)(?:AWS\s+(?:Account\s+)?ID|Account\s+ID)\s*[:#]?\s*(\d{4}-?\d{4}-?\d{4})(?!\d)")
REGION_LABEL = re.compile(r"(?i)\bRegion(?:\(s\)|s)?\s*:\s*([a-z0-9, \t-]{2,200})")
REGION = re.compile(r"global|[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}")
RESOURCE = re.compile(
    r"(?<![\w-])(?:(?:i|eni|sg|vol|snap|ami|vpc|subnet)-[0-9a-f]{8}(?:[0-9a-f]{9})?"
    r"|(?:AKIA|ASIA)[A-Z0-9]{16}|arn:aws[a-z-]*:[a-z0-9-]{2,40}:[a-z0-9-]{0,30}:(?:\d{12})?:[A-Za-z0-9_+=,.@/:*-]{1,400})(?![\w-])")
EC2_ARN = re.compile(r"arn:aws[a-z-]*:ec2:[a-z0-9-]*:\d{0,12}:[a-z-]+/([A-Za-z0-9-]+)")
RESOURCE_WITH_IP = re.compile(RESOURCE.pattern + r"\s*[\[(]\s*([0-9A-Fa-f:.]{2,45})\s*[\])]")
SUBJECT_CASE = re.compile(r"(?i)\[\s*Case\s*(?:ID|#|Number)?\s*:?\s*(\d{5,14}(?:-\d{1,3})?)\s*]|\[(\d{6,14})]")
TEXT_CASE = re.compile(r"(?i)\b(?:Abuse\s+)?Case\s*(?:ID|Number|No\.?|#)\s*[:#]?\s*(\d{5,14}(?:-\d{1,3})?)\b")
WITHIN = re.compile(r"(?i)\bwithin\s+(?:the\s+next\s+)?(\d{1,3})\s*(?:hours?|hrs?|h)\b")
MARKER = re.compile(
    r"(?im)^[ \t]*(?:-{3,}\s*Beginning of forwarded report\(?s?\)?\s*-*|Original (?:abuse )?report(?:\(s\)|s)?\s*:"
    r"|We(?:'ve| have) included the original (?:abuse )?report(?:\(s\)|s)? below[^\n]*:)[ \t]*$")
SENDER = re.compile(r"(?i)\b(?:ec2-abuse|abuse|trustandsafety)@(?:[a-z0-9-]+\.)*(?:amazon\.com|aws\.com|amazonaws\.com)\b")
DKIM_PASS = re.compile(r"(?i)dkim\s*=\s*pass\b[^;]*header\.[di]\s*=\s*\"?@?(?:[^@\s;\"]*@)?([a-z0-9.-]+)")
AWS_DOMAIN = re.compile(r"(?:^|.*\.)(?:amazon\.com|aws\.com|amazonaws\.com)$")
CATEGORIES = [
    ("phishing", re.compile(r"(?i)\bphish")),
    ("copyright", re.compile(r"(?i)\bcopyright|\bdmca\b")),
    ("malware", re.compile(r"(?i)\bmalware\b")),
    ("open_proxy", re.compile(r"(?i)\bprox(?:y|ies)\b")),
    ("dos", re.compile(r"(?i)denial[ -]of[ -]service|\bd?dos\b|\bflood")),
    ("port_scan", re.compile(r"(?i)\bport ?scan|\bscan")),
    ("intrusion", re.compile(r"(?i)without authori[sz]ation|intrusion|brute[ -]?forc|\battacks?\b")),
    ("spam", re.compile(r"(?i)\bspam|unsolicited")),
]


def text_of(msg):
    for part in msg.walk():
        if part.get_content_maintype() == "multipart" or part.get_filename():
            continue
        if part.get_content_type() in ("text/plain", "text/html"):
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset() or "utf-8"
            try:
                return payload.decode(charset, "replace")
            except LookupError:
                return payload.decode("utf-8", "replace")
    return ""


def iso(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if dt else None


def parse(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f)
    subject = str(email.header.make_header(email.header.decode_header(msg.get("Subject", ""))))
    sender = msg.get("From", "")
    body = text_of(msg)
    marker = MARKER.search(body)
    aws = body[: marker.start()] if marker else body
    abuse = bool(SENDER.search(sender)) or "Abuse Report" in subject
    try:
        received = email.utils.parsedate_to_datetime(msg.get("Date", ""))
    except (TypeError, ValueError):
        received = None
    received = received or datetime.now(timezone.utc)
    auth = msg.get("Authentication-Results")
    verified = "unknown"
    if auth is not None:
        verified = "fail"
        for m in DKIM_PASS.finditer(re.sub(r"\([^)]*\)", " ", auth)):
            if AWS_DOMAIN.match(m.group(1).lower()):
                verified = "pass"
    out = {"source": path, "channel": "email"}
    if not abuse:
        out.update(kind="not_abuse", category=None, accounts=[], regions=[], resources=[], ips=[],
                   case_id=None, received_at=iso(received), deadline=None,
                   sender_verified=verified, complaint_format="none")
        return out
    accounts = sorted({m.group(1).replace("-", "") for src in (subject, aws) for m in ACCOUNT.finditer(src)})
    regions = sorted({t.lower() for m in REGION_LABEL.finditer(aws) for t in re.split(r"[,\s]+", m.group(1))
                      if REGION.fullmatch(t.lower())})
    resources = sorted({(EC2_ARN.fullmatch(m.group()) or m).group(1 if EC2_ARN.fullmatch(m.group()) else 0)
                        for m in RESOURCE.finditer(aws)})
    ips = sorted({m.group(1) for m in RESOURCE_WITH_IP.finditer(aws)})
    case = SUBJECT_CASE.search(subject)
    case_id = (case.group(1) or case.group(2)) if case else None
    if case_id is None:
        case = TEXT_CASE.search(aws)
        case_id = case.group(1) if case else None
    lower = aws.lower()
    if "has been investigated and resolved" in lower or "this case is now closed" in lower:
        kind = "closed"
    elif "final notification" in lower or "final notification" in subject.lower():
        kind = "final"
    elif "have not received a response" in lower or subject.lower().startswith("reminder"):
        kind = "reminder"
    elif "received an additional" in lower or "additional report" in lower:
        kind = "follow_up"
    else:
        kind = "notice"
    category = next((name for name, rx in CATEGORIES if rx.search(aws)), "other")
    hours = [int(h) for h in WITHIN.findall(aws) if 0 < int(h) <= 720]
    if kind == "final":
        deadline = received
    elif kind in ("notice", "follow_up", "reminder"):
        deadline = received + timedelta(hours=min(hours) if hours else 24)
    else:
        deadline = None
    complaint = "none"
    if msg.is_multipart() and any(p.get_content_type() == "message/feedback-report" for p in msg.walk()):
        complaint = "arf"
    elif marker:
        complaint = "text"
    out.update(kind=kind, category=category, accounts=accounts, regions=regions, resources=resources,
               ips=ips, case_id=case_id, received_at=iso(received), deadline=iso(deadline),
               sender_verified=verified, complaint_format=complaint)
    return out


def main(paths):
    write = sys.stdout.write
    failed = False
    for path in paths:
        try:
            write(json.dumps(parse(path)) + "\n")
        except OSError as e:
            failed = True
            write(json.dumps({"source": path, "error": str(e)}) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
