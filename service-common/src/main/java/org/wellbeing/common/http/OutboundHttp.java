package org.wellbeing.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.common.http.AddressPolicy.RefusedAddressException;

/**
 * The one client for URLs that users give (feeds, webhooks): every hop checked against the {@link
 * AddressPolicy}, redirects followed by hand and only to allowed addresses, a connect timeout and a
 * total timeout that covers the body, and a cap on the body. Its errors say what failed, never what
 * the server sent.
 */
@ApplicationScoped
public class OutboundHttp {

  /** A failed call, with a message fit to show the caller. */
  public static final class OutboundException extends Exception {
    public OutboundException(String message) {
      super(message);
    }
  }

  /** A response: status, headers and the body as text. */
  public record Reply(int status, HttpHeaders headers, String body) {}

  private final PipelineConfig.Outbound settings;
  private final AddressPolicy policy;
  private final HttpClient http;

  @jakarta.inject.Inject
  public OutboundHttp(PipelineConfig config) {
    this(config.outbound());
  }

  public OutboundHttp(PipelineConfig.Outbound settings) {
    this.settings = settings;
    this.policy =
        new AddressPolicy(
            settings.allowLoopback(),
            settings.allowPrivate(),
            settings.allowedHosts().orElse(Set.of()));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends {@code request} (its URI checked first), following allowed redirects for GETs. */
  public Reply send(HttpRequest request) throws OutboundException, InterruptedException {
    long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
    HttpRequest current = request;
    for (int hop = 0; ; hop++) {
      check(current.uri());
      Reply reply = exchange(current, deadline);
      boolean redirect = reply.status() / 100 == 3 && reply.status() != 304;
      if (!redirect || !"GET".equals(current.method())) {
        return reply;
      }
      if (hop >= settings.maxRedirects()) {
        throw new OutboundException("too many redirects");
      }
      String location = reply.headers().firstValue("Location").orElse(null);
      if (location == null) {
        throw new OutboundException("a redirect without a location");
      }
      URI next;
      HttpRequest.Builder copy;
      try {
        next = current.uri().resolve(location);
        check(next);
        copy = HttpRequest.newBuilder(next).GET();
      } catch (IllegalArgumentException e) {
        throw new OutboundException("a redirect to an invalid URL");
      }
      current.headers().map().forEach((name, values) -> values.forEach(v -> copy.header(name, v)));
      current.timeout().ifPresent(copy::timeout);
      current = copy.build();
    }
  }

  /** Whether {@code uri} may be called at all, for validating it when it is stored. */
  public void check(URI uri) throws OutboundException {
    try {
      policy.check(uri);
    } catch (RefusedAddressException e) {
      throw new OutboundException("URL not allowed: " + e.getMessage());
    }
  }

  private Reply exchange(HttpRequest request, long deadline)
      throws OutboundException, InterruptedException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new OutboundException("timed out after " + settings.totalTimeout());
    }
    CompletableFuture<HttpResponse<byte[]>> pending =
        http.sendAsync(request, info -> new CappedBody(settings.maxBodyBytes()));
    try {
      HttpResponse<byte[]> response;
      try {
        response = pending.get(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        pending.cancel(true);
        throw e;
      }
      return new Reply(
          response.statusCode(),
          response.headers(),
          new String(response.body(), StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new OutboundException("timed out after " + settings.totalTimeout());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BodyTooLargeException) {
        throw new OutboundException(
            "the response is larger than %d bytes".formatted(settings.maxBodyBytes()));
      }
      if (cause instanceof java.net.http.HttpConnectTimeoutException) {
        throw new OutboundException("could not connect within " + settings.connectTimeout());
      }
      if (cause instanceof java.net.ConnectException) {
        throw new OutboundException("could not connect");
      }
      if (cause instanceof IOException) {
        throw new OutboundException("the connection failed");
      }
      throw new OutboundException("the request failed");
    }
  }

  private static final class BodyTooLargeException extends IOException {}

  /** Collects a body up to a size, failing (and cancelling the stream) past it. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(long max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new BodyTooLargeException());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }

  /** Headers of a request, for building one. */
  public static HttpRequest.Builder request(
      URI uri, Duration timeout, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
    headers.forEach(builder::header);
    return builder;
  }
}
