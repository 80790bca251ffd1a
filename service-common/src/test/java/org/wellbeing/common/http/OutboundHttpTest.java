package org.wellbeing.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wellbeing.common.config.PipelineConfig;
import org.wellbeing.common.http.AddressPolicy.RefusedAddressException;

class OutboundHttpTest {

  private HttpServer server;
  private String base;

  /** Settings with loopback allowed or not, a 2 s total timeout and a 1 KiB body cap. */
  private static PipelineConfig.Outbound settings(boolean loopback, Set<String> hosts) {
    return new PipelineConfig.Outbound() {
      public boolean allowLoopback() {
        return loopback;
      }

      public boolean allowPrivate() {
        return false;
      }

      public Optional<Set<String>> allowedHosts() {
        return Optional.of(hosts);
      }

      public Duration connectTimeout() {
        return Duration.ofSeconds(1);
      }

      public Duration totalTimeout() {
        return Duration.ofSeconds(2);
      }

      public long maxBodyBytes() {
        return 1024;
      }

      public int maxRedirects() {
        return 3;
      }
    };
  }

  @BeforeEach
  void serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ok",
        x -> {
          byte[] body = "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, body.length);
          x.getResponseBody().write(body);
          x.close();
        });
    server.createContext(
        "/big",
        x -> {
          x.sendResponseHeaders(200, 0);
          x.getResponseBody().write(new byte[100_000]);
          x.close();
        });
    server.createContext(
        "/trickle",
        x -> {
          x.sendResponseHeaders(200, 0);
          OutputStream out = x.getResponseBody();
          try {
            for (int i = 0; i < 30; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(500);
            }
          } catch (Exception e) {
            // the client gave up
          }
          x.close();
        });
    server.createContext(
        "/to-localhost",
        x -> {
          x.getResponseHeaders()
              .add("Location", "http://localhost:" + server.getAddress().getPort() + "/ok");
          x.sendResponseHeaders(302, -1);
          x.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  @Test
  void anAllowedServerIsCalled() throws Exception {
    OutboundHttp http = new OutboundHttp(settings(true, Set.of()));
    assertThat(http.send(get(base + "/ok")).body()).isEqualTo("BEGIN:VCALENDAR");
  }

  @Test
  void loopbackIsRefusedUnlessAllowed() {
    OutboundHttp http = new OutboundHttp(settings(false, Set.of()));
    assertThatThrownBy(() -> http.send(get(base + "/ok")))
        .hasMessage("URL not allowed: the host resolves to a loopback address");
  }

  @Test
  void aRedirectToARefusedAddressIsNotFollowed() {
    // the first hop is allowed by name, the redirect leads to loopback by another name
    OutboundHttp http = new OutboundHttp(settings(false, Set.of("127.0.0.1")));
    assertThatThrownBy(() -> http.send(get(base + "/to-localhost")))
        .hasMessageContaining("loopback");
  }

  @Test
  void aBodyOverTheCapIsRefused() {
    OutboundHttp http = new OutboundHttp(settings(true, Set.of()));
    assertThatThrownBy(() -> http.send(get(base + "/big")))
        .hasMessage("the response is larger than 1024 bytes");
  }

  @Test
  void aServerThatTricklesIsCutOffByTheTotalTimeout() {
    OutboundHttp http = new OutboundHttp(settings(true, Set.of()));
    long started = System.nanoTime();
    assertThatThrownBy(() -> http.send(get(base + "/trickle"))).hasMessageStartingWith("timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theAddressPolicyRefusesWhatPointsInward() throws Exception {
    AddressPolicy policy = new AddressPolicy(false, false, Set.of());
    for (String address :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "100.64.0.1",
          "0.0.0.0",
          "::1",
          "fd00:ec2::254",
          "fe80::1",
          "224.0.0.1"
        }) {
      assertThat(policy.refusal(InetAddress.getByName(address))).as(address).isNotNull();
    }
    assertThat(policy.refusal(InetAddress.getByName("93.184.216.34"))).isNull();
    assertThat(policy.refusal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")))
        .isNull();
    // loopback stays loopback, and allowed where loopback is
    assertThat(new AddressPolicy(true, false, Set.of()).refusal(InetAddress.getByName("::1")))
        .isNull();
    // NAT64 of a public address is public
    assertThat(policy.refusal(InetAddress.getByName("64:ff9b::5db8:d822"))).isNull();
    assertThatThrownBy(() -> policy.check(URI.create("http://user:secret@93.184.216.34/x.ics")))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> policy.check(URI.create("file:///etc/passwd")))
        .isInstanceOf(RefusedAddressException.class);
    assertThatThrownBy(() -> policy.check(URI.create("http://169.254.169.254/latest/meta-data")))
        .hasMessageContaining("link-local");
  }
}
