package org.wellbeing.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.wellbeing.alert.domain.Signature;
import org.wellbeing.alert.service.DeliveryDispatcher;

/**
 * A local endpoint that records every POST alert-service makes to it, as {body, signature,
 * idempotency key}, and answers 204, or 500 while failures are left.
 */
public final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<String[]> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          received.add(
              new String[] {
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst(Signature.HEADER),
                exchange.getRequestHeaders().getFirst(DeliveryDispatcher.IDEMPOTENCY_HEADER)
              });
          exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
          exchange.close();
        });
    server.start();
  }

  /** The next {@code count} requests are answered 500. */
  public void failNext(int count) {
    failuresLeft.set(count);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** What arrived, in order: {body, signature, idempotency key}. */
  public List<String[]> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
