package dev.abusedesk.desk;

import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.cases.CustomerNotice;
import dev.abusedesk.cases.CustomerNotices;
import dev.abusedesk.cases.CustomerState;
import dev.abusedesk.config.Account;
import dev.abusedesk.config.Config;
import dev.abusedesk.config.Language;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.route.AccountRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Cases by category and by customer, and the time to the first reply, over a range the reader picks
 * ({@code ?range=12w|6m|12m|all}). A case counts on the date AWS first reported it ({@link
 * Case#reportedAt()}), so a backfill of last year's reports lands last year, not this week.
 */
final class ChartsPage {

  static final int REPLIED_SHOWN = 30;

  private final Pipeline pipeline;
  private final Clock clock;
  private final AccountRegistry registry;
  private final CustomerNotices customers;

  ChartsPage(Pipeline pipeline, CustomerNotices customers, Clock clock) {
    this.pipeline = pipeline;
    this.customers = customers;
    this.clock = clock;
    this.registry = new AccountRegistry(pipeline.config().accounts());
  }

  WebResponse show(Pages.Viewer viewer, Form query) {
    Language lang = viewer.language();
    Optional<ChartRange> range =
        query.get("range").map(ChartRange::parse).orElse(Optional.of(ChartRange.DEFAULT));
    if (range.isEmpty()) {
      // Refused, not guessed at; the page names no part of what was asked.
      return Pages.message(400, viewer, Words.BAD_RANGE.in(lang));
    }
    return Pages.html(200, Pages.frame(viewer, Words.CHARTS.in(lang), render(lang, range.get())));
  }

  Html render(Language lang, ChartRange range) {
    Texts texts = Texts.of(lang);
    ZoneId zone = pipeline.config().timezone();
    List<Case> cases = pipeline.store().list(CaseQuery.all());
    Optional<LocalDate> earliest =
        cases.stream().map(c -> day(c, zone)).min(Comparator.naturalOrder());
    ChartRange.Buckets buckets =
        range.buckets(clock.instant().atZone(zone).toLocalDate(), earliest);
    Html body = Html.of().t("<h1>{}</h1>", Words.CHARTS.in(lang));
    body.add(selector(range, lang)).t("<p class=\"hint\">{}</p>", Words.BY_REPORT_DATE.in(lang));
    Words byCategory =
        switch (buckets.unit()) {
          case WEEK -> Words.CASES_PER_WEEK_CATEGORY;
          case MONTH -> Words.CASES_PER_MONTH_CATEGORY;
          case YEAR -> Words.CASES_PER_YEAR_CATEGORY;
        };
    Words byCustomer =
        switch (buckets.unit()) {
          case WEEK -> Words.CASES_PER_WEEK_CUSTOMER;
          case MONTH -> Words.CASES_PER_MONTH_CUSTOMER;
          case YEAR -> Words.CASES_PER_YEAR_CUSTOMER;
        };
    body.t("<h2>{}</h2>", byCategory.in(lang))
        .add(
            counted(
                "per-category",
                byCategory.in(lang),
                cases,
                buckets,
                zone,
                c -> List.of(texts.category(c.category()))));
    body.t("<h2>{}</h2>", byCustomer.in(lang))
        .add(
            counted(
                "per-customer",
                byCustomer.in(lang),
                cases,
                buckets,
                zone,
                c -> customers(c, lang)));
    List<Case> replied =
        cases.stream()
            .filter(c -> c.repliedAt() != null)
            .filter(c -> !day(c, zone).isBefore(buckets.first()))
            .sorted(Comparator.comparing(Case::reportedAt))
            .toList();
    replied = replied.subList(Math.max(0, replied.size() - REPLIED_SHOWN), replied.size());
    body.t("<h2>{}</h2>", Words.FIRST_REPLY_TIME.in(lang))
        .add(
            SvgCharts.replies(
                "first-reply",
                Words.FIRST_REPLY_TIME.in(lang),
                replied.stream().map(c -> "#" + c.id()).toList(),
                replied.stream().map(ChartsPage::hoursToReply).toList(),
                pipeline.config().deadlineHours()));
    return answers(body, cases, buckets, zone, lang);
  }

  /**
   * The customers' time from the notice to their answer, one bar per answer, against the time they
   * are given (the case's deadline less the margin), for the cases in the range.
   */
  private Html answers(
      Html body, List<Case> cases, ChartRange.Buckets buckets, ZoneId zone, Language lang) {
    List<Case> inRange =
        cases.stream().filter(c -> !day(c, zone).isBefore(buckets.first())).toList();
    Map<Long, CustomerState> states =
        customers.states(inRange.stream().map(Case::id).toList(), clock.instant());
    List<CustomerNotice> answered =
        inRange.stream()
            .filter(c -> states.get(c.id()) != CustomerState.NOT_NOTIFIED)
            .flatMap(c -> customers.forCase(c.id()).stream())
            .filter(n -> n.answer().isPresent())
            .sorted(Comparator.comparing(n -> n.answer().get().answeredAt()))
            .toList();
    answered = answered.subList(Math.max(0, answered.size() - REPLIED_SHOWN), answered.size());
    Config config = pipeline.config();
    return body.t("<h2>{}</h2>", CustomerWords.RESPONSE_TIME.in(lang))
        .add(
            SvgCharts.replies(
                "customer-response",
                CustomerWords.RESPONSE_TIME.in(lang),
                answered.stream().map(n -> "#" + n.caseId() + " " + n.contact().email()).toList(),
                answered.stream().map(ChartsPage::hoursToAnswer).toList(),
                config.deadlineHours() - config.customers().marginHours()));
  }

  /** From the notice to the customer's answer; never below zero. */
  static double hoursToAnswer(CustomerNotice n) {
    return Math.max(
            0, Duration.between(n.notifiedAt(), n.answer().orElseThrow().answeredAt()).toMinutes())
        / 60.0;
  }

  /** The day AWS first reported the case, in the configured zone. */
  static LocalDate day(Case c, ZoneId zone) {
    return c.reportedAt().atZone(zone).toLocalDate();
  }

  /** From AWS's first report to the first reply; never below zero. */
  static double hoursToReply(Case c) {
    return Math.max(0, Duration.between(c.reportedAt(), c.repliedAt()).toMinutes()) / 60.0;
  }

  private static Html selector(ChartRange current, Language lang) {
    Html nav =
        Html.of()
            .t(
                "<nav class=\"ranges\" id=\"ranges\" aria-label=\"{}\">{}:",
                Words.RANGE.in(lang),
                Words.RANGE.in(lang));
    for (ChartRange range : ChartRange.values()) {
      nav.t(
          " <a href=\"/dashboard/charts?range={}\" id=\"range-{}\"{}>{}</a>",
          range.wire(),
          range.wire(),
          Html.of().t(range == current ? " aria-current=\"page\" class=\"current\"" : ""),
          range.words().in(lang));
    }
    return nav.t("</nav>");
  }

  private static Html counted(
      String id,
      String title,
      List<Case> cases,
      ChartRange.Buckets buckets,
      ZoneId zone,
      Function<Case, List<String>> seriesOf) {
    TreeSet<String> series = new TreeSet<>();
    Map<LocalDate, List<String>> byBucket = new LinkedHashMap<>();
    for (Case c : cases) {
      Optional<LocalDate> bucket = buckets.of(day(c, zone));
      if (bucket.isPresent()) {
        for (String s : seriesOf.apply(c)) {
          series.add(s);
          byBucket.computeIfAbsent(bucket.get(), w -> new ArrayList<>()).add(s);
        }
      }
    }
    List<String> names = List.copyOf(series);
    Map<String, int[]> counts = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    for (LocalDate start : buckets.starts()) {
      String column = buckets.label(start);
      columns.add(column);
      int[] values = new int[names.size()];
      for (String s : byBucket.getOrDefault(start, List.of())) {
        values[names.indexOf(s)]++;
      }
      counts.put(column, values);
    }
    return SvgCharts.stacked(id, title, columns, names, counts);
  }

  private List<String> customers(Case c, Language lang) {
    List<String> names =
        c.accounts().stream()
            .map(registry::find)
            .flatMap(Optional::stream)
            .map(Account::customer)
            .flatMap(Optional::stream)
            .distinct()
            .toList();
    return names.isEmpty() ? List.of(Words.UNREGISTERED.in(lang)) : names;
  }
}
