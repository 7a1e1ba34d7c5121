package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseStatus;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.cases.StoredReport;
import dev.abusedesk.config.Account;
import dev.abusedesk.config.Language;
import dev.abusedesk.config.Reply;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.report.Assumption;
import dev.abusedesk.report.Report;
import dev.abusedesk.respond.CaseFacts;
import dev.abusedesk.respond.CustomerSaid;
import dev.abusedesk.respond.Draft;
import dev.abusedesk.respond.Playbook;
import dev.abusedesk.respond.Playbooks;
import dev.abusedesk.respond.ReplyDrafts;
import dev.abusedesk.route.AccountRegistry;
import dev.abusedesk.route.CustomerRoute;
import dev.abusedesk.route.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The case page: facts, actions, reply drafts, first aid, timeline, notes, reports. */
final class CaseDetail {

  /** The raw message shown is cut here; the full bytes stay in the store. */
  static final int MAX_RAW_SHOWN = 256 * 1024;

  private static final List<CaseStatus> MOVES =
      List.of(
          CaseStatus.ACKNOWLEDGED, CaseStatus.REPLIED, CaseStatus.MITIGATED, CaseStatus.RESOLVED);

  private final Pipeline pipeline;
  private final AccountRegistry registry;
  private final Optional<Reply> reply;
  private final CustomerNotices customers;

  /**
   * @param reply how replies are sent, when they are
   */
  CaseDetail(
      Pipeline pipeline,
      AccountRegistry registry,
      CustomerNotices customers,
      Optional<Reply> reply) {
    this.pipeline = pipeline;
    this.registry = registry;
    this.customers = customers;
    this.reply = reply;
  }

  /** Whom a reply to this case may go to, given a reply section. */
  static AwsRecipient recipient(List<StoredReport> reports, Reply reply) {
    return AwsRecipient.of(reports.stream().map(StoredReport::report).toList(), reply);
  }

  /** Why no customer of the case was told: the configuration, its accounts, or no verified word. */
  private CustomerWords whyNone(Case c, List<StoredReport> reports) {
    if (!pipeline.config().customers().isOn()) {
      return CustomerWords.NOT_TOLD_OFF;
    }
    CustomerRoute route = CustomerRoute.of(pipeline.config());
    boolean fits =
        reports.stream()
            .anyMatch(
                r ->
                    !route
                        .accountsToNotify(
                            new Subject(c.accounts(), c.category(), r.report().kind()))
                        .isEmpty());
    if (!fits) {
      return CustomerWords.NOT_TOLD_NO_MATCH;
    }
    return reports.stream().anyMatch(r -> r.report().provenance().verified())
        ? CustomerWords.NO_NOTICES
        : CustomerWords.NOT_TOLD_UNVERIFIED;
  }

  Html render(Pages.Viewer viewer, Case c, Instant now, String problem) {
    Language lang = viewer.language();
    Texts texts = Texts.of(lang);
    List<StoredReport> reports = pipeline.store().reports(c.id());
    CaseFacts facts = CaseFacts.of(c, reports.stream().map(StoredReport::report).toList());
    Html body =
        Html.of()
            .t(
                "<h1>{} #{} <small>{}</small></h1><p class=\"summary\"><span class=\"status {}\""
                    + " id=\"case-status\">{}</span> {}: {} · {}: <span id=\"owner\">{}</span></p>",
                Words.CASE.in(lang),
                c.id(),
                texts.category(c.category()),
                c.status().wire(),
                texts.status(c.status()),
                Words.TIME_LEFT.in(lang),
                CasePages.countdown(c, now, lang),
                Words.OWNER.in(lang),
                c.acknowledgedBy() == null ? "–" : c.acknowledgedBy());
    if (!problem.isEmpty()) {
      body.t("<p class=\"error\" id=\"problem\">{}</p>", problemText(problem, lang));
    }
    body.add(TrustMarks.banners(viewer, c, reports));
    body.t("<section class=\"facts\"><dl>");
    for (String id : c.accounts()) {
      var account = registry.find(id);
      body.t(
          "<dt>{}</dt><dd>{} {} {}</dd>",
          Words.ACCOUNT.in(lang),
          id,
          account.flatMap(Account::name).orElse(Words.UNREGISTERED.in(lang)),
          account.flatMap(Account::customer).map(x -> "(" + x + ")").orElse(""));
    }
    fact(body, Words.AWS_CASE.in(lang), c.awsCaseIds());
    fact(body, Words.REGIONS.in(lang), c.regions());
    fact(body, Words.RESOURCES.in(lang), c.resources());
    fact(body, Words.IPS.in(lang), c.ips());
    fact(body, Words.RECIPIENT_DOMAINS.in(lang), facts.recipientDomains());
    fact(body, Words.AWS_ACTIONS.in(lang), facts.actionsTaken());
    assumed(body, reports, lang);
    body.t("</dl></section>");
    actions(body, viewer, c);
    List<CustomerNotice> notices = customers.forCase(c.id());
    body.add(
        CustomerNoticesSection.render(
            viewer, c, notices, whyNone(c, reports), now, pipeline.config().timezone()));
    drafts(body, viewer, c, facts, reports, notices);
    playbook(body, Playbooks.of(facts, lang), lang);
    body.add(Timeline.render(pipeline, c, reports, lang));
    body.t("<section id=\"reports\"><h2>{}</h2>", Words.REPORTS.in(lang));
    for (StoredReport stored : reports) {
      report(body, stored, texts, lang);
    }
    return body.t("</section>");
  }

  private void actions(Html body, Pages.Viewer viewer, Case c) {
    Language lang = viewer.language();
    body.t("<section id=\"actions\"><h2>{}</h2><div class=\"actions\">", Words.ACTIONS.in(lang));
    for (CaseStatus to : MOVES) {
      if (!c.status().allowsManualMoveTo(to)) {
        continue;
      }
      Words label =
          switch (to) {
            case ACKNOWLEDGED -> Words.TAKE;
            case REPLIED -> Words.MARK_REPLIED;
            case MITIGATED -> Words.MARK_MITIGATED;
            default -> Words.RESOLVE;
          };
      body.t("<form method=\"post\" action=\"/dashboard/cases/{}/move\">", c.id())
          .add(Pages.csrfField(viewer.csrf()))
          .t(
              "<input type=\"hidden\" name=\"to\" value=\"{}\"><input name=\"note\""
                  + " placeholder=\"{}\"><button type=\"submit\" id=\"move-{}\">{}</button></form>",
              to.wire(),
              Words.NOTE.in(lang),
              to.wire(),
              label.in(lang));
    }
    body.t("<form method=\"post\" action=\"/dashboard/cases/{}/note\">", c.id())
        .add(Pages.csrfField(viewer.csrf()))
        .t(
            "<textarea name=\"note\" id=\"note\" rows=\"2\" required></textarea>"
                + "<button type=\"submit\" id=\"add-note\">{}</button></form></div></section>",
            Words.ADD_NOTE.in(lang));
  }

  private void drafts(
      Html body,
      Pages.Viewer viewer,
      Case c,
      CaseFacts facts,
      List<StoredReport> reports,
      List<CustomerNotice> notices) {
    Language lang = viewer.language();
    body.t("<section id=\"drafts\"><h2>{}</h2>", Words.DRAFTS.in(lang));
    body.add(CustomerNoticesSection.answers(notices, lang, pipeline.config().timezone()));
    Optional<AwsRecipient> recipient = reply.map(r -> recipient(reports, r));
    boolean canSend = recipient.orElse(null) instanceof AwsRecipient.Found;
    if (recipient.orElse(null) instanceof AwsRecipient.Found found) {
      body.t(
          "<p class=\"reply-to\">{} <code id=\"reply-to\">{}</code></p>",
          Words.REPLY_TO.in(lang),
          found.address());
    } else if (recipient.orElse(null) instanceof AwsRecipient.Nobody nobody) {
      body.t("<p class=\"no-send\" id=\"no-send\">{}", nobody.why().words.in(lang));
      if (!nobody.sender().isEmpty()) {
        body.t(" <code>{}</code>", nobody.sender());
      }
      body.t("</p>");
    }
    List<CustomerSaid> said =
        notices.stream()
            .filter(n -> n.answer().isPresent())
            .map(n -> new CustomerSaid(n.accountId(), n.answer().get()))
            .toList();
    for (Draft draft : ReplyDrafts.of(facts, said)) {
      String id = "draft-" + draft.type().wire();
      body.t(
          "<details class=\"draft\"{}><summary>{}</summary>",
          Html.of().t(draft.type() == Draft.Type.FIRST_REPLY ? " open" : ""),
          draft.type().wire());
      body.t("<form method=\"post\" action=\"/dashboard/cases/{}/send\">", c.id())
          .add(Pages.csrfField(viewer.csrf()))
          .t(
              "<input name=\"subject\" class=\"subject\" value=\"{}\">"
                  + "<textarea name=\"body\" id=\"{}\" rows=\"14\">{}</textarea>"
                  + "<button type=\"button\" class=\"copy\" data-copy=\"{}\" data-copied=\"{}\""
                  + " id=\"copy-{}\">{}</button>",
              draft.subject(),
              id,
              draft.body(),
              id,
              Words.COPIED.in(lang),
              id,
              Words.COPY.in(lang));
      if (canSend) {
        body.t(
            "<button type=\"submit\" class=\"send\" id=\"send-{}\">{}</button>",
            draft.type().wire(),
            Words.SEND_REPLY.in(lang));
      }
      body.t("</form></details>");
    }
    body.t("</section>");
  }

  private static void playbook(Html body, Playbook playbook, Language lang) {
    body.t("<section id=\"playbook\"><h2>{}</h2><ol>", Words.PLAYBOOK.in(lang));
    int n = 0;
    for (Playbook.Step step : playbook.steps()) {
      body.t("<li><h3>{}</h3><p>{}</p>", step.title(), step.text());
      if (!step.commands().isEmpty()) {
        String id = "step-" + n++;
        body.t(
            "<pre class=\"commands\" id=\"{}\">{}</pre><button type=\"button\" class=\"copy\""
                + " data-copy=\"{}\" data-copied=\"{}\">{}</button>",
            id,
            String.join("\n", step.commands()),
            id,
            Words.COPIED.in(lang),
            Words.COPY.in(lang));
      }
      body.t("</li>");
    }
    body.t("</ol></section>");
  }

  private void report(Html body, StoredReport stored, Texts texts, Language lang) {
    Report r = stored.report();
    body.t(
        "<article class=\"report {}\"><h3>{} · {} · {}</h3><dl>",
        r.provenance().trust().wire(),
        texts.kindName(r.kind()),
        texts.channel(r.channel()),
        Timeline.time(r.receivedAt(), pipeline.config().timezone()));
    if (r.origin() instanceof Report.MailOrigin mail) {
      fact(body, "From", List.of(mail.from()));
      fact(body, "Subject", List.of(mail.subject()));
      fact(body, "Message-ID", List.of(mail.messageId()));
    } else if (r.origin() instanceof Report.HealthOrigin health) {
      fact(body, "Event", List.of(health.eventArn(), health.eventTypeCode()));
    }
    body.add(TrustMarks.label(r.provenance(), lang));
    fact(body, Words.RESOURCES.in(lang), r.resources());
    fact(body, Words.IPS.in(lang), r.ips());
    fact(body, Words.RECIPIENT_DOMAINS.in(lang), r.complaint().recipientDomains());
    fact(body, "Complaint", List.of(r.complaint().excerpt()));
    body.t("</dl>");
    byte[] raw = pipeline.store().raw(stored.id()).orElse(new byte[0]);
    String text = new String(raw, 0, Math.min(raw.length, MAX_RAW_SHOWN), StandardCharsets.UTF_8);
    body.t(
        "<details><summary>{} ({} bytes)</summary><pre class=\"raw\">{}</pre></details></article>",
        Words.RAW.in(lang),
        raw.length,
        text);
  }

  /**
   * What the reading of the case's reports assumed, a forwarded date without a zone, say: the
   * deadline rests on it, so it stands with the facts, in the viewer's language.
   */
  private static void assumed(Html body, List<StoredReport> reports, Language lang) {
    List<String> sentences =
        reports.stream().flatMap(s -> s.report().assumptions().stream()).distinct().toList();
    for (String sentence : sentences) {
      Assumption assumption = Assumption.read(sentence);
      body.t(
          "<dt>{}</dt><dd class=\"assumed\">{}</dd>",
          Words.ASSUMED.in(lang),
          switch (lang) {
            case EN -> assumption.english();
            case JA -> assumption.japanese();
          });
    }
  }

  private static void fact(Html body, String label, List<String> values) {
    List<String> shown = values.stream().filter(v -> !v.isBlank()).toList();
    if (!shown.isEmpty()) {
      body.t("<dt>{}</dt><dd>{}</dd>", label, String.join(", ", shown));
    }
  }

  private static String problemText(String problem, Language lang) {
    return switch (problem) {
      case "not-allowed" -> Words.NOT_ALLOWED.in(lang);
      case "send-failed" -> Words.SEND_FAILED.in(lang);
      case "no-smtp" -> Words.NO_SMTP.in(lang);
      case "no-recipient" -> Words.NO_RECIPIENT.in(lang);
      case "no-resend" -> CustomerWords.NO_RESEND.in(lang);
      default -> problem.replaceAll("[^a-z-]", "");
    };
  }
}
