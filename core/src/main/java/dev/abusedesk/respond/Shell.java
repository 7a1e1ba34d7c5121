package dev.abusedesk.respond;

import java.util.regex.Pattern;

/**
 * Values from a report, made safe to paste into a shell. Every value goes through {@link #quote};
 * typed values (instance IDs, regions, keys) must also match their pattern, so a hostile "resource
 * ID" is left out instead of becoming an option or a command.
 */
public final class Shell {

  private Shell() {}

  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  static final Pattern INSTANCE = Pattern.compile("i-[0-9a-f]{8,17}");
  static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");
  static final Pattern ACCESS_KEY = Pattern.compile("(?:AKIA|ASIA)[A-Z0-9]{16}");
  static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-gov)?-[a-z]+-\\d");
  static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /**
   * One shell word that stands for exactly {@code value}: bare when it holds only characters the
   * shell does not interpret and does not start with a dash, else in single quotes.
   */
  public static String quote(String value) {
    if (!value.isEmpty() && BARE.matcher(value).matches() && !value.startsWith("-")) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * A stand-in the operator fills: {@code "${NAME:?set NAME first}"} stops the command with a clear
   * message instead of running with an empty value.
   */
  static String placeholder(String name) {
    return "\"${" + name + ":?set " + name + " first}\"";
  }
}
