package dev.abusedesk.report;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Turns an HTML-only mail body into text with the line structure the extractors rely on. */
final class Html {

  private Html() {}

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "tr",
          "li",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "ul",
          "ol",
          "pre",
          "blockquote",
          "hr",
          "section",
          "article",
          "header",
          "footer",
          "dl",
          "dt",
          "dd");

  static String toText(String html) {
    Element body = Jsoup.parse(html).body();
    StringBuilder out = new StringBuilder(html.length() / 2);
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              out.append(text.getWholeText().replaceAll("[ \\t\\r\\n\\u00a0]+", " "));
            } else if (node instanceof Element e) {
              String tag = e.normalName();
              if (tag.equals("td") || tag.equals("th")) {
                out.append('\t');
              } else if (BLOCKS.contains(tag)) {
                out.append('\n');
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              out.append('\n');
            }
          }
        },
        body);
    return out.toString().replaceAll("(?m)^[ \\t]+|[ \\t]+$", "").replaceAll("\n{3,}", "\n\n");
  }
}
