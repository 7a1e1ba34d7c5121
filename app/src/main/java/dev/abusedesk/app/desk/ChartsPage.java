package dev.abusedesk.app.desk;

import com.sun.net.httpserver.HttpExchange;
import dev.abusedesk.cases.Case;
import dev.abusedesk.cases.CaseQuery;
import dev.abusedesk.config.Account;
import dev.abusedesk.config.Language;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.pipeline.Pipeline;
import dev.abusedesk.route.AccountRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Cases per week by category and by customer, and the time to the first reply. */
final class ChartsPage {

  static final int WEEKS = 12;
  static final int REPLIED_SHOWN = 30;

  private final Pipeline pipeline;
  private final Clock clock;
  private final AccountRegistry registry;

  ChartsPage(Pipeline pipeline, Clock clock) {
    this.pipeline = pipeline;
    this.clock = clock;
    this.registry = new AccountRegistry(pipeline.config().accounts());
  }

  void show(HttpExchange exchange, Pages.Viewer viewer) throws IOException {
    Pages.html(
        exchange,
        200,
        Pages.frame(viewer, Words.CHARTS.in(viewer.language()), render(viewer.language())));
  }

  Html render(Language lang) {
    Texts texts = Texts.of(lang);
    ZoneId zone = pipeline.config().timezone();
    List<Case> cases = pipeline.store().list(CaseQuery.all());
    LocalDate thisWeek =
        clock
            .instant()
            .atZone(zone)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<LocalDate> weeks = new ArrayList<>();
    for (int i = WEEKS - 1; i >= 0; i--) {
      weeks.add(thisWeek.minusWeeks(i));
    }
    Html body = Html.of().t("<h1>{}</h1>", Words.CHARTS.in(lang));
    body.t("<h2>{}</h2>", Words.CASES_PER_WEEK_CATEGORY.in(lang))
        .add(
            perWeek(
                "per-category",
                Words.CASES_PER_WEEK_CATEGORY.in(lang),
                cases,
                weeks,
                zone,
                c -> List.of(texts.category(c.category()))));
    body.t("<h2>{}</h2>", Words.CASES_PER_WEEK_CUSTOMER.in(lang))
        .add(
            perWeek(
                "per-customer",
                Words.CASES_PER_WEEK_CUSTOMER.in(lang),
                cases,
                weeks,
                zone,
                c -> customers(c, lang)));
    List<Case> replied =
        cases.stream()
            .filter(c -> c.repliedAt() != null)
            .sorted(java.util.Comparator.comparing(Case::openedAt))
            .toList();
    replied = replied.subList(Math.max(0, replied.size() - REPLIED_SHOWN), replied.size());
    body.t("<h2>{}</h2>", Words.FIRST_REPLY_TIME.in(lang))
        .add(
            SvgCharts.replies(
                "first-reply",
                Words.FIRST_REPLY_TIME.in(lang),
                replied.stream().map(c -> "#" + c.id()).toList(),
                replied.stream()
                    .map(c -> Duration.between(c.openedAt(), c.repliedAt()).toMinutes() / 60.0)
                    .toList(),
                pipeline.config().deadlineHours()));
    return body;
  }

  private static Html perWeek(
      String id,
      String title,
      List<Case> cases,
      List<LocalDate> weeks,
      ZoneId zone,
      Function<Case, List<String>> seriesOf) {
    TreeSet<String> series = new TreeSet<>();
    Map<LocalDate, List<String>> byWeek = new LinkedHashMap<>();
    for (Case c : cases) {
      LocalDate week =
          c.openedAt()
              .atZone(zone)
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      if (weeks.contains(week)) {
        for (String s : seriesOf.apply(c)) {
          series.add(s);
          byWeek.computeIfAbsent(week, w -> new ArrayList<>()).add(s);
        }
      }
    }
    List<String> names = List.copyOf(series);
    Map<String, int[]> counts = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    for (LocalDate week : weeks) {
      String column = week.getMonthValue() + "/" + week.getDayOfMonth();
      columns.add(column);
      int[] values = new int[names.size()];
      for (String s : byWeek.getOrDefault(week, List.of())) {
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
            .flatMap(java.util.Optional::stream)
            .map(Account::customer)
            .flatMap(java.util.Optional::stream)
            .distinct()
            .toList();
    return names.isEmpty() ? List.of(Words.UNREGISTERED.in(lang)) : names;
  }
}
