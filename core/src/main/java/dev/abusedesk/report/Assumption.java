package dev.abusedesk.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reading of a report assumed where its input was ambiguous, as one sentence. A report
 * keeps the English sentence ({@link Report#assumptions}); {@link #read} turns a kept sentence back
 * into its facts, so that the case page can say it in Japanese too.
 */
public sealed interface Assumption {

  /** The sentence a report keeps and {@code abusedesk parse} prints. */
  String english();

  String japanese();

  /** The facts behind a kept sentence; a sentence this version does not know stays as it is. */
  static Assumption read(String sentence) {
    try {
      Matcher m = ForwardOffset.SAID.matcher(sentence);
      if (m.matches()) {
        return new ForwardOffset(m.group(1), local(m.group(2)), offset(m.group(3)));
      }
      m = LatestBeforeForward.SAID.matcher(sentence);
      if (m.matches()) {
        return new LatestBeforeForward(
            m.group(1), offset(m.group(2)), utc(m.group(3)), local(m.group(4)), offset(m.group(5)));
      }
      m = EarliestOffset.SAID.matcher(sentence);
      if (m.matches()) {
        return new EarliestOffset(m.group(1), local(m.group(2)), offset(m.group(3)));
      }
      m = ForwardDate.SAID.matcher(sentence);
      if (m.matches()) {
        return new ForwardDate(m.group(1) == null ? "" : m.group(1), utc(m.group(2)));
      }
      m = AfterForward.SAID.matcher(sentence);
      if (m.matches()) {
        return new AfterForward(utc(m.group(1)), utc(m.group(2)));
      }
    } catch (DateTimeException e) {
      // Shaped like one of ours with an impossible time in it: not ours after all.
    }
    return new Said(sentence);
  }

  private static LocalDateTime local(String text) {
    return LocalDateTime.parse(text, AssumptionText.SECONDS);
  }

  private static Instant utc(String text) {
    return local(text).toInstant(ZoneOffset.UTC);
  }

  private static ZoneOffset offset(String text) {
    return ZoneOffset.of(text);
  }

  /** A forwarded date without a zone, read in the offset of the forward's own Date header. */
  record ForwardOffset(String printed, LocalDateTime local, ZoneOffset offset)
      implements Assumption {
    static final Pattern SAID =
        Pattern.compile(
            "The forwarded date \"(.*)\" names no zone; read it in the forward's own offset, as "
                + AssumptionText.READING
                + "\\.");

    public ForwardOffset {
      printed = AssumptionText.shown(printed);
      Objects.requireNonNull(local, "local");
      Objects.requireNonNull(offset, "offset");
    }

    @Override
    public String english() {
      return "The forwarded date \""
          + printed
          + "\" names no zone; read it in the forward's own offset, as "
          + AssumptionText.reading(local, offset)
          + ".";
    }

    @Override
    public String japanese() {
      return "転送された日付「"
          + printed
          + "」にはタイムゾーンがないため、転送メール自身の時差で "
          + AssumptionText.readingJa(local, offset)
          + " と読みました。";
    }
  }

  /**
   * A forwarded date without a zone that, read in the forward's own offset, falls after the forward
   * itself: read in the offset that puts it closest before the forward.
   */
  record LatestBeforeForward(
      String printed,
      ZoneOffset forwardOffset,
      Instant forward,
      LocalDateTime local,
      ZoneOffset offset)
      implements Assumption {
    static final Pattern SAID =
        Pattern.compile(
            "The forwarded date \"(.*)\" names no zone, and in the forward's own offset \\("
                + AssumptionText.OFFSET
                + "\\) it falls after the forward itself \\("
                + AssumptionText.UTC
                + "\\); read it as "
                + AssumptionText.READING
                + ", the latest reading not after the forward\\.");

    public LatestBeforeForward {
      printed = AssumptionText.shown(printed);
      Objects.requireNonNull(forwardOffset, "forwardOffset");
      Objects.requireNonNull(forward, "forward");
      Objects.requireNonNull(local, "local");
      Objects.requireNonNull(offset, "offset");
    }

    @Override
    public String english() {
      return "The forwarded date \""
          + printed
          + "\" names no zone, and in the forward's own offset ("
          + AssumptionText.offset(forwardOffset)
          + ") it falls after the forward itself ("
          + AssumptionText.utc(forward)
          + "); read it as "
          + AssumptionText.reading(local, offset)
          + ", the latest reading not after the forward.";
    }

    @Override
    public String japanese() {
      return "転送された日付「"
          + printed
          + "」にはタイムゾーンがなく、転送メール自身の時差（"
          + AssumptionText.offset(forwardOffset)
          + "）で読むと転送（"
          + AssumptionText.utc(forward)
          + "）より後になるため、転送より後にならない最も遅い読み方で "
          + AssumptionText.readingJa(local, offset)
          + " と読みました。";
    }
  }

  /** A forwarded date without a zone in a forward without a readable Date: the earliest reading. */
  record EarliestOffset(String printed, LocalDateTime local, ZoneOffset offset)
      implements Assumption {
    static final Pattern SAID =
        Pattern.compile(
            "The forwarded date \"(.*)\" names no zone and the forward has no readable Date; read"
                + " it as "
                + AssumptionText.READING
                + ", the earliest reading any zone allows\\.");

    public EarliestOffset {
      printed = AssumptionText.shown(printed);
      Objects.requireNonNull(local, "local");
      Objects.requireNonNull(offset, "offset");
    }

    @Override
    public String english() {
      return "The forwarded date \""
          + printed
          + "\" names no zone and the forward has no readable Date; read it as "
          + AssumptionText.reading(local, offset)
          + ", the earliest reading any zone allows.";
    }

    @Override
    public String japanese() {
      return "転送された日付「"
          + printed
          + "」にはタイムゾーンがなく、転送メール自身の Date も読めないため、どのタイムゾーンでもあり得る最も早い読み方で "
          + AssumptionText.readingJa(local, offset)
          + " と読みました。";
    }
  }

  /** No usable date for the forwarded message ({@code printed} is empty when none was given). */
  record ForwardDate(String printed, Instant forward) implements Assumption {
    static final Pattern SAID =
        Pattern.compile(
            "The forwarded message gives no usable date(?: \\(\"(.*)\"\\))?; took the forward's own"
                + " Date, "
                + AssumptionText.UTC
                + "\\.");

    public ForwardDate {
      printed = AssumptionText.shown(printed);
      Objects.requireNonNull(forward, "forward");
    }

    @Override
    public String english() {
      return "The forwarded message gives no usable date"
          + (printed.isEmpty() ? "" : " (\"" + printed + "\")")
          + "; took the forward's own Date, "
          + AssumptionText.utc(forward)
          + ".";
    }

    @Override
    public String japanese() {
      return "転送されたメッセージに使える日付がない"
          + (printed.isEmpty() ? "" : "（「" + printed + "」）")
          + "ため、転送メール自身の Date（"
          + AssumptionText.utc(forward)
          + "）を使いました。";
    }
  }

  /** A forwarded message dated after the forward itself: the forward's own Date instead. */
  record AfterForward(Instant stated, Instant forward) implements Assumption {
    static final Pattern SAID =
        Pattern.compile(
            "The forwarded message's date, "
                + AssumptionText.UTC
                + ", is later than the forward itself; took the forward's own Date, "
                + AssumptionText.UTC
                + "\\.");

    public AfterForward {
      Objects.requireNonNull(stated, "stated");
      Objects.requireNonNull(forward, "forward");
    }

    @Override
    public String english() {
      return "The forwarded message's date, "
          + AssumptionText.utc(stated)
          + ", is later than the forward itself; took the forward's own Date, "
          + AssumptionText.utc(forward)
          + ".";
    }

    @Override
    public String japanese() {
      return "転送されたメッセージの日付（"
          + AssumptionText.utc(stated)
          + "）が転送メール自身より後のため、転送メールの Date（"
          + AssumptionText.utc(forward)
          + "）を使いました。";
    }
  }

  /** A sentence this version does not know, such as one a later version wrote: said as it is. */
  record Said(String english) implements Assumption {
    public Said {
      Objects.requireNonNull(english, "english");
    }

    @Override
    public String japanese() {
      return english;
    }
  }
}
