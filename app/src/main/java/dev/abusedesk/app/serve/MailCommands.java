package dev.abusedesk.app.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.io.DotTerminatedInputStream;
import org.subethamail.smtp.internal.io.DotUnstuffingInputStream;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.Session;

/**
 * The commands this listener changes in SubEthaSMTP, which has no LMTP mode of its own: DATA (one
 * reply per recipient in LMTP, RFC 2033 section 4.2), EHLO and LHLO, AUTH (only where it is safe),
 * and the greetings LMTP must refuse. They are registered through the server's public command
 * handler.
 */
final class MailCommands {

  private MailCommands() {}

  /**
   * DATA, streamed into the message handler (the spool). SMTP answers once; LMTP answers once for
   * every accepted recipient, all alike since one spooled message serves them all. The transaction
   * ends whatever the outcome, so the client may start the next one with MAIL. A message that has
   * not arrived whole by the data deadline is dropped (nothing is spooled) with a 421, and so is
   * the connection.
   */
  static final class Data extends BaseCommand {
    static final String TOO_SLOW = "4.4.2 The message took too long to arrive, closing";

    private final boolean lmtp;
    private final InFlight inFlight;
    private final SmtpLimits limits;

    Data(boolean lmtp, InFlight inFlight, SmtpLimits limits) {
      super("DATA", "Following text is collected as the message.");
      this.lmtp = lmtp;
      this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
      this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void execute(String commandString, Session session)
        throws IOException, DropConnectionException {
      if (!session.isMailTransactionInProgress()) {
        session.sendResponse("503 5.5.1 Error: need MAIL command");
        return;
      }
      int recipients = session.getRecipientCount();
      if (recipients == 0) {
        session.sendResponse("503 5.5.1 Error: need RCPT command");
        return;
      }
      if (!inFlight.enter()) {
        throw new DropConnectionException(421, "4.3.2 Shutting down, try again later");
      }
      DataDeadline deadline =
          new DataDeadline(
              session.getSocket(),
              session.getRawInput(),
              limits.idleTimeout(),
              limits.dataDeadline());
      try {
        session.sendResponse("354 End data with <CR><LF>.<CR><LF>");
        InputStream message = new DotUnstuffingInputStream(new DotTerminatedInputStream(deadline));
        String reply;
        try {
          reply = "250 " + session.getMessageHandler().data(message);
        } catch (RejectException e) {
          reply = e.getErrorResponse();
        }
        MailTransaction.drain(message);
        session.sendResponse(
            String.join("\r\n", Collections.nCopies(lmtp ? recipients : 1, reply)));
      } catch (IOException e) {
        if (deadline.passed()) {
          throw new DropConnectionException(421, TOO_SLOW);
        }
        throw e;
      } finally {
        inFlight.leave();
        session.resetMailTransaction();
        deadline.restore();
      }
    }
  }

  /**
   * EHLO, and LHLO (the LMTP greeting, RFC 2033 section 4.1), with the extensions this listener
   * offers. STARTTLS until TLS is on (RFC 3207: not again after). AUTH once TLS is on, or before it
   * where the password cannot be read on its way (a loopback listener), and not after a successful
   * AUTH.
   */
  static final class Hello extends BaseCommand {
    private final String hostName;
    private final List<String> extensions;
    private final boolean authBeforeTls;

    private Hello(String verb, String hostName, List<String> extensions, boolean authBeforeTls) {
      super(verb, "Introduce yourself.", "<hostname>");
      this.hostName = Objects.requireNonNull(hostName, "hostName");
      this.extensions = List.copyOf(extensions);
      this.authBeforeTls = authBeforeTls;
    }

    static Hello ehlo(String hostName, long maxBytes, boolean authBeforeTls) {
      return new Hello(
          "EHLO",
          hostName,
          List.of("8BITMIME", "SIZE " + maxBytes, "CHUNKING", "SMTPUTF8"),
          authBeforeTls);
    }

    static Hello lhlo(String hostName, long maxBytes, boolean authBeforeTls) {
      return new Hello(
          "LHLO",
          hostName,
          List.of("PIPELINING", "ENHANCEDSTATUSCODES", "8BITMIME", "SIZE " + maxBytes),
          authBeforeTls);
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
      String[] args = getArgs(commandString);
      if (args.length < 2) {
        session.sendResponse("501 5.5.4 Syntax: " + getName() + " hostname");
        return;
      }
      session.resetMailTransaction();
      session.setHelo(args[1]);
      List<String> lines = new ArrayList<>();
      lines.add(hostName);
      lines.addAll(extensions);
      if (session.getServer().getEnableTLS() && !session.isTLSStarted()) {
        lines.add("STARTTLS");
      }
      if (session.isTLSStarted() || authBeforeTls) {
        session
            .getServer()
            .getAuthenticationHandlerFactory()
            .map(AuthenticationHandlerFactory::getAuthenticationMechanisms)
            .filter(mechanisms -> !mechanisms.isEmpty() && !session.isAuthenticated())
            .ifPresent(mechanisms -> lines.add("AUTH " + String.join(" ", mechanisms)));
      }
      StringBuilder reply = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        reply.append(i == 0 ? "" : "\r\n").append(i == lines.size() - 1 ? "250 " : "250-");
        reply.append(lines.get(i));
      }
      session.sendResponse(reply.toString());
    }
  }

  /**
   * AUTH, taken only where the password cannot be read on its way: after STARTTLS, or on a loopback
   * listener; elsewhere it is refused before the client sends anything secret. Attempts go through
   * the {@link LoginThrottle}: one at a time per address, and an address that failed too often is
   * answered 421 and disconnected.
   */
  static final class Auth implements Command {
    static final String NEEDS_TLS = "530 5.7.0 Must issue a STARTTLS command first";
    static final String TOO_MANY = "4.7.0 Too many failed logins from your address, try later";

    private final Command wrapped;
    private final boolean authBeforeTls;
    private final LoginThrottle throttle;
    private final Duration wait;

    /**
     * @param wait how long an attempt waits for the one before it from the same address
     */
    Auth(Command wrapped, boolean authBeforeTls, LoginThrottle throttle, Duration wait) {
      this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
      this.authBeforeTls = authBeforeTls;
      this.throttle = Objects.requireNonNull(throttle, "throttle");
      this.wait = Objects.requireNonNull(wait, "wait");
    }

    @Override
    public void execute(String commandString, Session session)
        throws IOException, DropConnectionException {
      if (!authBeforeTls && !session.isTLSStarted()) {
        session.sendResponse(NEEDS_TLS);
        return;
      }
      if (session.isAuthenticated()) {
        wrapped.execute(commandString, session); // the library's 503
        return;
      }
      Optional<LoginThrottle.Turn> turn;
      try {
        turn = throttle.turn(client(session), wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DropConnectionException(421, "4.3.2 Shutting down, try again later");
      }
      if (turn.isEmpty()) {
        throw new DropConnectionException(421, TOO_MANY);
      }
      try (LoginThrottle.Turn attempt = turn.get()) {
        wrapped.execute(commandString, session);
        if (session.isAuthenticated()) {
          attempt.succeeded();
        }
      }
    }

    static InetAddress client(MessageContext context) {
      return ((InetSocketAddress) context.getRemoteAddress()).getAddress();
    }

    @Override
    public org.subethamail.smtp.internal.server.HelpMessage getHelp()
        throws org.subethamail.smtp.internal.server.CommandException {
      return wrapped.getHelp();
    }

    @Override
    public String getName() {
      return wrapped.getName();
    }
  }

  /** A command refused with a fixed reply: HELO and EHLO over LMTP, BDAT where not offered. */
  static final class Refused extends BaseCommand {
    private final String reply;

    Refused(String verb, String reply) {
      super(verb, "Not available here.");
      this.reply = Objects.requireNonNull(reply, "reply");
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
      session.sendResponse(reply);
    }
  }

  /**
   * Ends the mail transaction after the wrapped command, whatever happened: the library's BDAT
   * leaves it open after a refusal, so the next MAIL would be refused as a second sender.
   */
  static final class EndingTransaction implements Command {
    private final Command wrapped;

    EndingTransaction(Command wrapped) {
      this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
    }

    @Override
    public void execute(String commandString, Session session)
        throws IOException, DropConnectionException {
      try {
        wrapped.execute(commandString, session);
      } finally {
        session.resetMailTransaction();
      }
    }

    @Override
    public org.subethamail.smtp.internal.server.HelpMessage getHelp()
        throws org.subethamail.smtp.internal.server.CommandException {
      return wrapped.getHelp();
    }

    @Override
    public String getName() {
      return wrapped.getName();
    }
  }
}
