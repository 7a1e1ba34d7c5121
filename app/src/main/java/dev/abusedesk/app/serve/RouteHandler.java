package dev.abusedesk.app.serve;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request, on Jetty's threads, without blocking them: the route's checks on the head, then
 * the body read as it arrives (or left to a streaming handler), then the route's handler on the
 * route's {@link Workers}. A request turned away is answered at once, and its connection closed
 * when it still carries an unread body.
 */
final class RouteHandler extends Handler.Abstract.NonBlocking {

  private static final System.Logger LOG = System.getLogger(RouteHandler.class.getName());

  private final List<Route> routes;
  private final Map<Admission.Lane, Workers> lanes;
  private final BodyBudget budget;
  private final HeadDeadline heads;
  private final HttpLimits limits;
  private final Semaphore streams;

  RouteHandler(
      List<Route> routes,
      Map<Admission.Lane, Workers> lanes,
      BodyBudget budget,
      HeadDeadline heads,
      HttpLimits limits) {
    this.routes =
        routes.stream()
            .sorted(Comparator.comparingInt((Route r) -> r.path().length()).reversed())
            .toList();
    this.lanes = new EnumMap<>(lanes);
    this.budget = Objects.requireNonNull(budget, "budget");
    this.heads = Objects.requireNonNull(heads, "heads");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.streams = new Semaphore(limits.streams());
    for (Admission.Lane lane : Admission.Lane.values()) {
      Objects.requireNonNull(this.lanes.get(lane), "no workers for " + lane);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    boolean hasBody = length > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    Optional<BufferedExchange.Head> head = head(request);
    if (head.isEmpty()) {
      answer(request, response, Answer.of(Refusal.of(400, "bad request target")), true, callback);
      return true;
    }
    Optional<Route> route = route(head.get().uri().getPath());
    if (route.isEmpty()) {
      answer(request, response, Answer.of(Refusal.of(404, "not found")), hasBody, callback);
      return true;
    }
    Admission admission = route.get().admission();
    Optional<Refusal> refused =
        admission.refusal(head.get().method(), head.get().headers(), length);
    if (refused.isPresent()) {
      answer(request, response, Answer.of(refused.get()), hasBody, callback);
      return true;
    }
    Exchange exchange = new Exchange(route.get(), head.get(), request, response, callback);
    if (!hasBody) {
      exchange.dispatch(InputStream.nullInputStream(), 0, () -> {});
    } else if (admission.body() == Admission.Body.STREAMED) {
      if (!streams.tryAcquire()) {
        answer(request, response, Answer.of(Refusal.busy()), true, callback);
        return true;
      }
      exchange.dispatch(
          new BodyStream(request, admission.maxBodyBytes(), limits.streamDeadline()),
          0,
          streams::release);
    } else {
      BufferedBody.read(
          request,
          admission.maxBodyBytes(),
          limits.bodyDeadline(),
          budget,
          getServer().getScheduler(),
          exchange::bodyRead);
    }
    return true;
  }

  private Optional<Route> route(String path) {
    return routes.stream().filter(r -> path.startsWith(r.path())).findFirst();
  }

  private static Optional<BufferedExchange.Head> head(Request request) {
    URI uri;
    try {
      uri = new URI(request.getHttpURI().getPathQuery());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (uri.getPath() == null) {
      return Optional.empty();
    }
    Headers headers = new Headers();
    for (HttpField field : request.getHeaders()) {
      headers.add(field.getName(), field.getValue());
    }
    return Optional.of(
        new BufferedExchange.Head(
            request.getMethod(),
            uri,
            request.getConnectionMetaData().getProtocol(),
            headers,
            address(request.getConnectionMetaData().getRemoteSocketAddress()),
            address(request.getConnectionMetaData().getLocalSocketAddress())));
  }

  private static InetSocketAddress address(SocketAddress address) {
    return address instanceof InetSocketAddress inet ? inet : new InetSocketAddress(0);
  }

  /** Writes an answer; once sent, the connection's next request head is due in time. */
  private void answer(
      Request request, Response response, Answer answer, boolean close, Callback callback) {
    org.eclipse.jetty.io.Connection connection = request.getConnectionMetaData().getConnection();
    answer.write(
        response,
        close,
        Callback.from(
            () -> {
              heads.answered(connection);
              callback.succeeded();
            },
            callback::failed));
  }

  /** One admitted request on its way to its handler. */
  private final class Exchange {
    private final Route route;
    private final BufferedExchange.Head head;
    private final Request request;
    private final Response response;
    private final Callback callback;

    Exchange(
        Route route,
        BufferedExchange.Head head,
        Request request,
        Response response,
        Callback callback) {
      this.route = route;
      this.head = head;
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    void bodyRead(BufferedBody.Read read) {
      if (read instanceof BufferedBody.Read.Body body) {
        dispatch(new ByteArrayInputStream(body.bytes()), body.held(), () -> {});
      } else if (read instanceof BufferedBody.Read.Refused refused) {
        answer(request, response, Answer.of(refused.refusal()), true, callback);
      } else {
        callback.failed(((BufferedBody.Read.Broken) read).failure());
      }
    }

    /**
     * Runs the handler on the route's workers; {@code held} budget and {@code after} end with it.
     */
    void dispatch(InputStream body, long held, Runnable after) {
      Runnable release =
          () -> {
            budget.give(held);
            after.run();
          };
      boolean submitted =
          lanes
              .get(route.admission().lane())
              .submit(
                  () -> {
                    try {
                      run(body);
                    } finally {
                      release.run();
                    }
                  });
      if (!submitted) {
        release.run();
        answer(request, response, Answer.of(Refusal.busy()), body instanceof BodyStream, callback);
      }
    }

    private void run(InputStream body) {
      BufferedExchange exchange =
          new BufferedExchange(head, body, answer -> answered(body, answer));
      try (exchange) {
        route.handler().handle(exchange);
      } catch (Throwable e) {
        // The entry point of every handler: whatever happened, the client gets an answer (a 500
        // when none was given) and this thread lives on for the next request.
        LOG.log(System.Logger.Level.ERROR, "HTTP " + head.method() + " " + head.uri().getPath(), e);
      }
    }

    private void answered(InputStream body, Answer answer) {
      if (body instanceof BodyStream stream) {
        boolean slow = stream.expired();
        answer(
            request,
            response,
            slow ? Answer.of(Refusal.tooSlow()) : answer,
            !stream.ended(),
            callback);
      } else {
        answer(request, response, answer, false, callback);
      }
    }
  }
}
