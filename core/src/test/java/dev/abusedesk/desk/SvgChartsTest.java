package dev.abusedesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.abusedesk.config.Language;
import dev.abusedesk.notify.Texts;
import dev.abusedesk.report.Category;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The charts' geometry, read back from the SVG they are: the legend never overlaps the axis or its
 * labels and never runs off the chart, whatever the language of its names.
 */
class SvgChartsTest {

  static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  static final Pattern TICK = Pattern.compile("<text x=\"[\\d.]+\" y=\"(\\d+)\" class=\"tick\"");
  static final Pattern LEGEND =
      Pattern.compile(
          "<g class=\"legend-item\"><title>([^<]*)</title><rect x=\"([\\d.]+)\" y=\"(\\d+)\"[^>]*/>"
              + "<text x=\"([\\d.]+)\" y=\"(\\d+)\" class=\"legend\">([^<]*)</text></g>");
  static final Pattern AXIS = Pattern.compile("<line class=\"axis\"[^>]* y1=\"(\\d+)\"");

  record Item(String name, double swatchX, int swatchY, double textX, int baseline, String shown) {}

  /** Every category's Japanese name and customers with long Japanese names: a crowded legend. */
  static final List<String> JAPANESE =
      Stream.concat(
              Arrays.stream(Category.values()).map(Texts.of(Language.JA)::category),
              Stream.of(
                  "株式会社さくらトレーディング東日本営業本部", "合同会社みなとみらいウェブサービス", Words.UNREGISTERED.in(Language.JA)))
          .sorted()
          .toList();

  static Html chart(List<String> series) {
    List<String> columns = new ArrayList<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (int week = 0; week < 12; week++) {
      String column = "10/" + (week + 1);
      columns.add(column);
      int[] values = new int[series.size()];
      Arrays.fill(values, week % 3);
      counts.put(column, values);
    }
    return SvgCharts.stacked("per-customer", "週ごとのケース数（顧客）", columns, series, counts);
  }

  static List<Item> legend(String svg) {
    List<Item> items = new ArrayList<>();
    Matcher m = LEGEND.matcher(svg);
    while (m.find()) {
      items.add(
          new Item(
              text(m.group(1)),
              Double.parseDouble(m.group(2)),
              Integer.parseInt(m.group(3)),
              Double.parseDouble(m.group(4)),
              Integer.parseInt(m.group(5)),
              text(m.group(6))));
    }
    return items;
  }

  /** Escaped text as a browser reads it. */
  static String text(String escaped) {
    return escaped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#96;", "`")
        .replace("&amp;", "&");
  }

  static int group(Pattern pattern, String text, int group) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern.pattern()).isTrue();
    return Integer.parseInt(m.group(group));
  }

  /** The most a name can take: a full-width character is one em, nothing else is wider. */
  static double widest(String shown) {
    return shown.codePoints().count() * (double) SvgCharts.LEGEND_FONT;
  }

  @Test
  void aCrowdedJapaneseLegendSitsBelowTheAxisLabelsInRowsThatFitTheChart() {
    String svg = chart(JAPANESE).toString();
    List<Item> items = legend(svg);
    int width = group(VIEW_BOX, svg, 1);
    int height = group(VIEW_BOX, svg, 2);
    int axis = group(AXIS, svg, 1);
    int ticks = group(TICK, svg, 1);

    assertThat(items).extracting(Item::name).containsExactlyElementsOf(JAPANESE);
    assertThat(items).extracting(Item::shown).containsExactlyElementsOf(JAPANESE);
    assertThat(ticks).isGreaterThan(axis);
    for (Item item : items) {
      // The text's top (a full em above its baseline) and the swatch clear the tick labels'
      // descent.
      assertThat(item.baseline() - SvgCharts.LEGEND_FONT).as(item.name()).isGreaterThan(ticks + 3);
      assertThat(item.swatchY()).as(item.name()).isGreaterThan(ticks + 3);
      assertThat(item.textX() + widest(item.shown())).as(item.name()).isLessThanOrEqualTo(width);
      assertThat(item.baseline() + 4).as(item.name()).isLessThanOrEqualTo(height);
    }
    for (int i = 1; i < items.size(); i++) {
      Item before = items.get(i - 1);
      Item next = items.get(i);
      if (next.baseline() == before.baseline()) {
        assertThat(before.textX() + widest(before.shown()))
            .as(before.name() + " then " + next.name())
            .isLessThan(next.swatchX());
      } else {
        assertThat(next.baseline()).isGreaterThanOrEqualTo(before.baseline() + 14);
      }
    }
    assertThat(items.get(items.size() - 1).baseline())
        .as("needs more than one row")
        .isGreaterThan(items.get(0).baseline());
    assertThat(height).isGreaterThan(SvgCharts.HEIGHT);
  }

  @Test
  void aNameTooLongForTheLegendIsCutWithAnEllipsisAndWhollyInItsTooltip() {
    String name = "東京都千代田区丸の内一丁目".repeat(4) + "<script>alert(1)</script>";
    String svg = chart(List.of(name)).toString();
    Item item = legend(svg).get(0);

    assertThat(item.shown()).endsWith("…").hasSizeLessThan(name.length());
    assertThat(widest(item.shown())).isLessThanOrEqualTo(SvgCharts.LEGEND_MAX_TEXT);
    assertThat(item.name()).isEqualTo(name);
    assertThat(svg).doesNotContain("<script>");
  }

  @Test
  void withoutSeriesTheChartKeepsItsHeightAndHasNoLegend() {
    String svg = chart(List.of()).toString();

    assertThat(legend(svg)).isEmpty();
    assertThat(group(VIEW_BOX, svg, 2)).isEqualTo(SvgCharts.HEIGHT);
  }

  @Test
  void twentySixWeeksLabelEverySecondWeekEndingWithThisOne() {
    List<String> columns = new ArrayList<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (int i = 0; i < 26; i++) {
      columns.add("w" + i);
      counts.put("w" + i, new int[0]);
    }
    String svg = SvgCharts.stacked("c", "t", columns, List.of(), counts).toString();

    Matcher ticks = Pattern.compile("class=\"tick\" text-anchor=\"middle\">(w\\d+)<").matcher(svg);
    List<String> labelled = new ArrayList<>();
    while (ticks.find()) {
      labelled.add(ticks.group(1));
    }
    assertThat(labelled).hasSize(13).startsWith("w1").endsWith("w25");
  }
}
