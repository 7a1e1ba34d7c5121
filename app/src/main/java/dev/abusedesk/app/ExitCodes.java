package dev.abusedesk.app;

/**
 * The exit codes of every command, from {@code sysexits.h} where one fits; README.md lists them.
 */
final class ExitCodes {

  static final int OK = 0;

  /** The command ran but did not get what it was asked for: no such case, a receiver refused. */
  static final int FAILED = 1;

  /** EX_USAGE: an unknown option, a missing argument, a value of the wrong form. */
  static final int USAGE = 64;

  /** EX_NOINPUT: an input file named on the command line cannot be read. */
  static final int NO_INPUT = 66;

  /** EX_UNAVAILABLE: the database or an AWS API cannot be reached or used. */
  static final int UNAVAILABLE = 69;

  /** EX_SOFTWARE: a bug; the line says so and {@code --debug} shows where. */
  static final int SOFTWARE = 70;

  /** EX_IOERR: the data directory, the spool or the database file cannot be created or written. */
  static final int IO_ERROR = 74;

  /** EX_TEMPFAIL: {@code ingest} did not take the message; the mail server keeps it and retries. */
  static final int TEMPFAIL = 75;

  /**
   * EX_CONFIG: the configuration file is missing, unreadable or wrong, or lacks what a flag needs.
   */
  static final int CONFIG = 78;

  private ExitCodes() {}
}
