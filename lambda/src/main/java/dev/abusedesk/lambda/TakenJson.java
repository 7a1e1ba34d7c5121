package dev.abusedesk.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.abusedesk.cases.Recorded;
import dev.abusedesk.cases.Recorder;

/** What recording one message did, as a handler answers it. */
final class TakenJson {

  private TakenJson() {}

  static ObjectNode of(String key, Recorder.Taken taken) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("key", key);
    if (taken instanceof Recorder.Taken.Unreadable unreadable) {
      node.put("outcome", "unreadable");
      node.put("reason", unreadable.reason());
      return node;
    }
    ArrayNode reports = node.putArray("reports");
    for (Recorded r : ((Recorder.Taken.Stored) taken).recorded()) {
      ObjectNode report = reports.addObject();
      if (r instanceof Recorded.Opened o) {
        report.put("outcome", "opened").put("case", o.caseNow().id());
      } else if (r instanceof Recorded.Joined j) {
        report.put("outcome", "joined").put("case", j.caseNow().id());
      } else if (r instanceof Recorded.PageMerged p) {
        report.put("outcome", "page_merged").put("case", p.caseNow().id());
      } else if (r instanceof Recorded.Redelivery d) {
        report.put("outcome", "redelivery").put("report", d.existingReportId());
      } else if (r instanceof Recorded.Unrelated u) {
        report.put("outcome", "unrelated").put("report", u.reportId());
      } else {
        report.put("outcome", "already_recorded");
      }
    }
    return node;
  }
}
