package org.wellbeing.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RS256 access tokens shaped like Keycloak's, signed with a key pair that exists only for tests.
 * Each service's {@code %test} profile trusts {@code test-tokens/public.pem} ({@link #PUBLIC_KEY}),
 * so {@code @QuarkusTest}s exercise the real bearer-token verification path.
 */
public final class TestTokens {

  /** The issuer every test token names and every {@code %test} profile expects. */
  public static final String ISSUER = "https://issuer.wellbeing.test/realms/wellbeing";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrivateKey KEY = load();

  private TestTokens() {}

  /** A valid token for {@code personId} with the given realm roles, good for an hour. */
  public static String token(String personId, String... roles) {
    return sign(claims(personId, Instant.now().plusSeconds(3600), ISSUER, roles));
  }

  /** {@code Authorization} header value for {@link #token}. */
  public static String bearer(String personId, String... roles) {
    return "Bearer " + token(personId, roles);
  }

  /** A token that expired an hour ago. */
  public static String expired(String personId, String... roles) {
    return sign(claims(personId, Instant.now().minusSeconds(3600), ISSUER, roles));
  }

  /** A token from another issuer, signed with the same key. */
  public static String foreignIssuer(String personId, String... roles) {
    return sign(claims(personId, Instant.now().plusSeconds(3600), "https://elsewhere.test", roles));
  }

  /** A token the realm issued to another client: signed and current, but not for the pipeline. */
  public static String otherAudience(String personId, String... roles) {
    Map<String, Object> claims = claims(personId, Instant.now().plusSeconds(3600), ISSUER, roles);
    claims.put("aud", "account");
    return sign(claims);
  }

  /** A valid token whose payload was changed after signing (a forged role). */
  public static String tampered(String personId) {
    String[] parts = token(personId).split("\\.");
    String forged =
        encode(json(claims(personId, Instant.now().plusSeconds(3600), ISSUER, "admin")));
    return parts[0] + "." + forged + "." + parts[2];
  }

  private static Map<String, Object> claims(
      String personId, Instant expires, String issuer, String... roles) {
    Map<String, Object> claims = new LinkedHashMap<>();
    Instant now = Instant.now();
    claims.put("iss", issuer);
    claims.put("sub", "test-" + personId);
    claims.put("aud", "wellbeing");
    claims.put("typ", "Bearer");
    claims.put("azp", "wellbeing-cli");
    claims.put("preferred_username", personId);
    claims.put("realm_access", Map.of("roles", List.of(roles)));
    claims.put("iat", now.minusSeconds(60).getEpochSecond());
    claims.put("exp", expires.getEpochSecond());
    return claims;
  }

  private static String sign(Map<String, Object> claims) {
    String header = encode(json(Map.of("alg", "RS256", "typ", "JWT", "kid", "test")));
    String payload = encode(json(claims));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(KEY);
      signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header
          + "."
          + payload
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static PrivateKey load() {
    try (InputStream in = TestTokens.class.getResourceAsStream("/test-tokens/private.pem")) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      byte[] der =
          Base64.getMimeDecoder()
              .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
