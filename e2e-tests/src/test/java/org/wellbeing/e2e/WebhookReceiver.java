package org.wellbeing.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP endpoint that records the webhook deliveries it receives. */
final class WebhookReceiver implements AutoCloseable {

  /** One POST as received. */
  record Delivery(String body, String signature, String idempotencyKey) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean failing =
      new java.util.concurrent.atomic.AtomicBoolean();

  WebhookReceiver() throws IOException {
    this(0);
  }

  /** A receiver that answers 500 to its first {@code failures} requests, then 204. */
  WebhookReceiver(int failures) throws IOException {
    java.util.concurrent.atomic.AtomicInteger left =
        new java.util.concurrent.atomic.AtomicInteger(failures);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          deliveries.add(
              new Delivery(
                  body,
                  exchange.getRequestHeaders().getFirst("X-Wellbeing-Signature"),
                  exchange.getRequestHeaders().getFirst("Idempotency-Key")));
          exchange.sendResponseHeaders(failing.get() || left.getAndDecrement() > 0 ? 500 : 204, -1);
          exchange.close();
        });
    server.start();
  }

  /** While on, every request is answered 500 (it is still recorded). */
  void failing(boolean on) {
    failing.set(on);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Delivery> deliveries() {
    return deliveries;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
