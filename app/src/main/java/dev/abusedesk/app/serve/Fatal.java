package dev.abusedesk.app.serve;

/**
 * What no loop survives. An {@link OutOfMemoryError} or another {@link VirtualMachineError} leaves
 * the JVM in a state nothing should be trusted in (a thread may have died holding a lock, a
 * listener half-way): the process ends at once, non-zero, and the service manager starts a new one
 * on the durable spool and outbox. The launcher also passes {@code -XX:+ExitOnOutOfMemoryError};
 * this covers a JVM started without it.
 */
final class Fatal {

  /** The exit status of a process that ended itself because the JVM failed (EX_SOFTWARE). */
  static final int EXIT = 70;

  private static final System.Logger LOG = System.getLogger(Fatal.class.getName());

  private Fatal() {}

  /**
   * Ends the process when {@code error} is one the JVM does not recover from; else returns. A
   * StackOverflowError is not among them: the stack is unwound by the time it is caught, and ending
   * the process would only replay the input that caused it after the restart.
   */
  static void check(Throwable error) {
    if (error instanceof VirtualMachineError && !(error instanceof StackOverflowError)) {
      try {
        LOG.log(System.Logger.Level.ERROR, "the JVM failed, exiting: " + error);
      } finally {
        Runtime.getRuntime().halt(EXIT);
      }
    }
  }

  /** Any thread that dies of a JVM failure takes the process with it; others are logged. */
  static void installHandler() {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          check(error);
          LOG.log(System.Logger.Level.ERROR, "thread " + thread.getName() + " died", error);
        });
  }
}
