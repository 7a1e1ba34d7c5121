package dev.abusedesk.app.desk;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small server-rendered SVG charts: no script, every label escaped like any other text. */
final class SvgCharts {

  private SvgCharts() {}

  static final int WIDTH = 720;
  static final int HEIGHT = 240;
  private static final int LEFT = 40;
  private static final int BOTTOM = 40;
  private static final int TOP = 16;
  private static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf"
  };

  /**
   * Stacked bars: one bar per column, one colour per series.
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
    Html svg = open(id, title);
    axis(svg, max, "");
    double slot = (WIDTH - LEFT - 10) / (double) Math.max(1, columns.size());
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
      svg.t(
          "<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
          num(x + slot * 0.35),
          HEIGHT - BOTTOM + 14,
          column);
    }
    for (int s = 0; s < series.size(); s++) {
      double x = LEFT + (s % 5) * 136;
      int y = HEIGHT - 14 + (s / 5) * 12 - (series.size() > 5 ? 8 : 0);
      svg.t(
          "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
              + "<text x=\"{}\" y=\"{}\" class=\"legend\">{}</text>",
          num(x),
          y - 9,
          PALETTE[s % PALETTE.length],
          num(x + 14),
          y,
          series.get(s));
    }
    return svg.t("</svg>");
  }

  /** One bar per case: hours to the first reply, with the deadline as a red line. */
  static Html replies(String id, String title, List<String> cases, List<Double> hours, int line) {
    double max = Math.max(line * 1.25, hours.stream().mapToDouble(h -> h).max().orElse(0) * 1.1);
    Html svg = open(id, title);
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
        WIDTH - 10,
        num(y),
        num(y),
        WIDTH - 50,
        num(y - 4),
        line);
    return svg.t("</svg>");
  }

  private static Html open(String id, String title) {
    return Html.of()
        .t(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"chart\" viewBox=\"0 0 {} {}\""
                + " role=\"img\" aria-label=\"{}\"><title>{}</title>",
            id,
            WIDTH,
            HEIGHT,
            title,
            title);
  }

  private static void axis(Html svg, int max, String unit) {
    svg.t(
        "<line class=\"axis\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>"
            + "<text class=\"tick\" x=\"2\" y=\"{}\">{}{}</text><text class=\"tick\" x=\"2\""
            + " y=\"{}\">0</text>",
        LEFT,
        WIDTH - 10,
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
