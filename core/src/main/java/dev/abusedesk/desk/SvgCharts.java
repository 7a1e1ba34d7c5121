package dev.abusedesk.desk;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small server-rendered SVG charts: no script, every label escaped like any other text. */
final class SvgCharts {

  private SvgCharts() {}

  static final int WIDTH = 720;

  /** The plot with its tick labels; a legend adds rows below. */
  static final int HEIGHT = 240;

  private static final int LEFT = 40;
  private static final int RIGHT = 10;
  private static final int BOTTOM = 40;
  private static final int TOP = 16;

  /** Where the tick labels under the bars have their baseline. */
  static final int TICK_BASELINE = HEIGHT - BOTTOM + 14;

  /** The legend's font size, as desk.css sets it for {@code .legend}. */
  static final int LEGEND_FONT = 10;

  /** The top of the legend's first row: clear of the tick labels and their descenders. */
  static final int LEGEND_TOP = TICK_BASELINE + 10;

  static final int LEGEND_ROW = 16;

  /** A name wider than this is cut with an ellipsis; the whole name is its tooltip. */
  static final int LEGEND_MAX_TEXT = 320;

  /** The most tick labels under the bars; more columns label every second (third, ...) one. */
  static final int MOST_TICKS = 16;

  private static final int SWATCH = 10;
  private static final int SWATCH_GAP = 4;
  private static final int ITEM_GAP = 16;
  private static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"
  };

  /** A legend entry where it goes: its row, its left edge, the text shown and its width. */
  record Placed(String name, String shown, double x, int row, double textWidth) {
    int baseline() {
      return LEGEND_TOP + row * LEGEND_ROW + LEGEND_FONT;
    }
  }

  /**
   * Stacked bars: one bar per column, one colour per series, and the legend in rows of its own
   * below the tick labels, as many as the names need; the chart grows to hold them.
   *
   * @param counts per column label, the count of each series (same series order everywhere)
   */
  static Html stacked(
      String id,
      String title,
      List<String> columns,
      List<String> series,
      Map<String, int[]> counts) {
    int max = 1;
    for (String column : columns) {
      int sum = 0;
      for (int v : counts.get(column)) {
        sum += v;
      }
      max = Math.max(max, sum);
    }
    List<Placed> legend = legend(series);
    int rows = legend.isEmpty() ? 0 : legend.get(legend.size() - 1).row() + 1;
    Html svg = open(id, title, height(rows));
    axis(svg, max, "");
    double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, columns.size());
    int every = (columns.size() + MOST_TICKS - 1) / MOST_TICKS;
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      double x = LEFT + i * slot + slot * 0.15;
      double y = HEIGHT - BOTTOM;
      int[] values = counts.get(column);
      for (int s = 0; s < series.size(); s++) {
        if (values[s] == 0) {
          continue;
        }
        double h = scale(values[s], max);
        y -= h;
        svg.t(
            "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">"
                + "<title>{} · {}: {}</title></rect>",
            num(x),
            num(y),
            num(slot * 0.7),
            num(h),
            PALETTE[s % PALETTE.length],
            column,
            series.get(s),
            values[s]);
      }
      if ((columns.size() - 1 - i) % every == 0) {
        svg.t(
            "<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
            num(x + slot * 0.35),
            TICK_BASELINE,
            column);
      }
    }
    for (int s = 0; s < legend.size(); s++) {
      Placed p = legend.get(s);
      svg.t(
          "<g class=\"legend-item\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\""
              + " height=\"{}\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" class=\"legend\">{}</text></g>",
          p.name(),
          num(p.x()),
          p.baseline() - SWATCH + 1,
          SWATCH,
          SWATCH,
          PALETTE[s % PALETTE.length],
          num(p.x() + SWATCH + SWATCH_GAP),
          p.baseline(),
          p.shown());
    }
    return svg.t("</svg>");
  }

  /** The chart's height with {@code rows} legend rows. */
  static int height(int rows) {
    return rows == 0 ? HEIGHT : LEGEND_TOP + rows * LEGEND_ROW + 4;
  }

  /** Legend entries left to right, a new row where the next would pass the right edge. */
  static List<Placed> legend(List<String> series) {
    List<Placed> placed = new java.util.ArrayList<>(series.size());
    double x = LEFT;
    int row = 0;
    for (String name : series) {
      String shown = fit(name, LEGEND_MAX_TEXT);
      double text = textWidth(shown);
      if (x > LEFT && x + SWATCH + SWATCH_GAP + text > WIDTH - RIGHT) {
        row++;
        x = LEFT;
      }
      placed.add(new Placed(name, shown, x, row, text));
      x += SWATCH + SWATCH_GAP + text + ITEM_GAP;
    }
    return placed;
  }

  /** The text cut, with an ellipsis, to at most {@code width}. */
  static String fit(String text, double width) {
    if (textWidth(text) <= width) {
      return text;
    }
    double budget = width - textWidth("…");
    StringBuilder out = new StringBuilder();
    double used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      used += charWidth(cp);
      if (used > budget) {
        break;
      }
      out.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }

  /**
   * The width of legend text, estimated on the generous side without the font: a full-width
   * (Japanese, Chinese, Korean) character is one em, any other two thirds of one.
   */
  static double textWidth(String text) {
    return text.codePoints().mapToDouble(SvgCharts::charWidth).sum();
  }

  private static double charWidth(int cp) {
    return (wide(cp) ? 1.0 : 0.66) * LEGEND_FONT;
  }

  /** East Asian wide and full-width characters, roughly as Unicode's East Asian Width has them. */
  static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || cp >= 0x1F300;
  }

  /** One bar per case: hours to the first reply, with the deadline as a red line. */
  static Html replies(String id, String title, List<String> cases, List<Double> hours, int line) {
    double max = Math.max(line * 1.25, hours.stream().mapToDouble(h -> h).max().orElse(0) * 1.1);
    Html svg = open(id, title, HEIGHT);
    axis(svg, (int) Math.ceil(max), " h");
    double slot = (WIDTH - LEFT - 10) / (double) Math.max(1, cases.size());
    for (int i = 0; i < cases.size(); i++) {
      double h = scale(hours.get(i), max);
      double x = LEFT + i * slot + slot * 0.15;
      svg.t(
          "<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {} h"
              + "</title></rect>",
          hours.get(i) > line ? "late" : "ok",
          num(x),
          num(HEIGHT - BOTTOM - h),
          num(slot * 0.7),
          num(h),
          cases.get(i),
          num(hours.get(i)));
    }
    double y = HEIGHT - BOTTOM - scale(line, max);
    svg.t(
        "<line class=\"deadline\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>"
            + "<text class=\"deadline-label\" x=\"{}\" y=\"{}\">{} h</text>",
        LEFT,
        WIDTH - RIGHT,
        num(y),
        num(y),
        WIDTH - 50,
        num(y - 4),
        line);
    return svg.t("</svg>");
  }

  private static Html open(String id, String title, int height) {
    return Html.of()
        .t(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"chart\" viewBox=\"0 0 {} {}\""
                + " role=\"img\" aria-label=\"{}\"><title>{}</title>",
            id,
            WIDTH,
            height,
            title,
            title);
  }

  private static void axis(Html svg, int max, String unit) {
    svg.t(
        "<line class=\"axis\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>"
            + "<text class=\"tick\" x=\"2\" y=\"{}\">{}{}</text><text class=\"tick\" x=\"2\""
            + " y=\"{}\">0</text>",
        LEFT,
        WIDTH - RIGHT,
        HEIGHT - BOTTOM,
        HEIGHT - BOTTOM,
        TOP + 4,
        max,
        unit,
        HEIGHT - BOTTOM);
  }

  private static double scale(double value, double max) {
    return value / max * (HEIGHT - BOTTOM - TOP);
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
