package org.wellbeing.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;

/**
 * A BOLA matrix: every endpoint of a service × every kind of caller, each with the status it must
 * answer. Anonymous callers and forged, expired or foreign tokens are tried on every endpoint and
 * must get a 401 problem (so must a token the realm issued to another client). {@link #verify}
 * fails on any cell that differs, and on any endpoint of the resources that the matrix does not
 * list, so a new endpoint cannot slip in untested.
 */
public final class AccessMatrix {

  /** One request: the endpoint it exercises ("GET /api/v1/x/{id}") and how to make it. */
  public record Request(
      String endpoint, String method, String path, String contentType, String body) {}

  private final Map<String, String[]> callers = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();

  private record Row(Request request, Map<String, Integer> expected) {}

  /** A kind of caller: a personId and its realm roles. */
  public AccessMatrix caller(String personId, String... roles) {
    callers.put(personId, roles);
    return this;
  }

  public Cell on(String endpoint, String method, String path) {
    return new Cell(new Request(endpoint, method, path, null, null));
  }

  public Cell on(String endpoint, String method, String path, String contentType, String body) {
    return new Cell(new Request(endpoint, method, path, contentType, body));
  }

  /** The statuses of one request, by caller. */
  public final class Cell {
    private final Request request;
    private final Map<String, Integer> expected = new LinkedHashMap<>();

    private Cell(Request request) {
      this.request = request;
    }

    public Cell expect(int status, String... personIds) {
      for (String personId : personIds) {
        if (!callers.containsKey(personId)) {
          throw new IllegalArgumentException("unknown caller " + personId);
        }
        expected.put(personId, status);
      }
      return this;
    }

    /** Every caller not named yet gets {@code status}. */
    public AccessMatrix otherwise(int status) {
      for (String personId : callers.keySet()) {
        expected.putIfAbsent(personId, status);
      }
      rows.add(new Row(request, expected));
      return AccessMatrix.this;
    }
  }

  /** Calls every cell and every endpoint unauthenticated; fails listing each mismatch. */
  public void verify(Class<?>... resources) {
    SoftAssertions soft = new SoftAssertions();
    Set<String> listed = new TreeSet<>();
    for (Row row : rows) {
      Request r = row.request();
      listed.add(r.endpoint());
      for (String caller : callers.keySet()) {
        Integer want = row.expected().get(caller);
        if (want == null) {
          soft.fail("%s: no status given for %s", r.endpoint(), caller);
          continue;
        }
        int got = send(r, TestTokens.bearer(caller, callers.get(caller))).statusCode();
        soft.assertThat(got)
            .as("%s %s as %s %s", r.method(), r.path(), caller, List.of(callers.get(caller)))
            .isEqualTo(want);
      }
      for (Map.Entry<String, String> bad : badCredentials().entrySet()) {
        Response response = send(r, bad.getValue());
        soft.assertThat(response.statusCode())
            .as("%s %s with %s", r.method(), r.path(), bad.getKey())
            .isEqualTo(401);
        soft.assertThat(response.contentType())
            .as("%s %s with %s: content type", r.method(), r.path(), bad.getKey())
            .startsWith("application/problem+json");
      }
    }
    soft.assertThat(listed).as("endpoints in the matrix").isEqualTo(endpoints(resources));
    soft.assertAll();
  }

  /** "METHOD /path" of every resource method of {@code resources}. */
  public static Set<String> endpoints(Class<?>... resources) {
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> resource : resources) {
      Path root = resource.getAnnotation(Path.class);
      String base = root == null ? "" : root.value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = sub == null ? base : join(base, sub.value());
        endpoints.add(verb + " " + path);
      }
    }
    return endpoints;
  }

  private static Map<String, String> badCredentials() {
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("no token", null);
    bad.put("an expired token", "Bearer " + TestTokens.expired("admin", "admin"));
    bad.put("a token of another issuer", "Bearer " + TestTokens.foreignIssuer("admin", "admin"));
    bad.put("a forged token", "Bearer " + TestTokens.tampered("mallory"));
    bad.put("a token for another audience", "Bearer " + TestTokens.otherAudience("admin", "admin"));
    bad.put("a malformed header", "Basic YWRtaW46YWRtaW4=");
    return bad;
  }

  private static Response send(Request r, String authorization) {
    RequestSpecification spec = given().redirects().follow(false);
    if (authorization != null) {
      spec.header("Authorization", authorization);
    }
    if (r.contentType() != null) {
      spec.contentType(r.contentType());
    }
    if (r.body() != null) {
      spec.body(r.body());
    }
    return spec.request(r.method(), r.path());
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (method.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    return null;
  }

  private static String join(String base, String sub) {
    String a = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String b = sub.startsWith("/") ? sub : "/" + sub;
    return a + b;
  }
}
