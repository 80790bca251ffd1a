package org.wellbeing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed Keycloak realm holds exactly the demo organisation, as CONTRACT.md describes. */
class RealmFileTest {

  private static JsonNode realm() throws IOException {
    try (InputStream in =
        RealmFileTest.class.getResourceAsStream("/keycloak/wellbeing-realm.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void everyDemoPersonAdminAndIngestSignInWithTheirNameAsPassword() throws IOException {
    JsonNode realm = realm();
    assertThat(realm.get("realm").asText()).isEqualTo("wellbeing");
    Map<String, JsonNode> users = new HashMap<>();
    realm.get("users").forEach(u -> users.put(u.get("username").asText(), u));
    Set<String> expected = new TreeSet<>(List.of("admin", "ingest"));
    DemoOrganisation.PEOPLE.forEach(p -> expected.add(p.id()));
    assertThat(new TreeSet<>(users.keySet())).isEqualTo(expected);
    for (JsonNode user : users.values()) {
      JsonNode credential = user.get("credentials").get(0);
      assertThat(credential.get("value").asText()).isEqualTo(user.get("username").asText());
      assertThat(credential.get("temporary").asBoolean()).isFalse();
      assertThat(user.get("enabled").asBoolean()).isTrue();
    }
    assertThat(roles(users.get("admin"))).containsExactly("admin");
    assertThat(roles(users.get("ingest"))).containsExactly("ingest");
  }

  @Test
  void theTeamsManagersAndNobodyElseHoldTheManagerRole() throws IOException {
    Set<String> managers = new TreeSet<>();
    DemoOrganisation.TEAMS.forEach(t -> managers.add(t.managerId()));
    Set<String> withRole = new TreeSet<>();
    realm()
        .get("users")
        .forEach(
            u -> {
              if (roles(u).contains("manager")) {
                withRole.add(u.get("username").asText());
              }
            });
    assertThat(withRole).isEqualTo(managers);
  }

  @Test
  void theCliClientIsPublicWithPasswordGrantsAndPutsTheAudienceInAccessTokens() throws IOException {
    JsonNode client = realm().get("clients").get(0);
    assertThat(client.get("clientId").asText()).isEqualTo("wellbeing-cli");
    assertThat(client.get("publicClient").asBoolean()).isTrue();
    assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isTrue();
    assertThat(client.get("defaultClientScopes").toString()).contains("\"roles\"", "\"profile\"");
    JsonNode mapper = client.get("protocolMappers").get(0);
    assertThat(mapper.get("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
    assertThat(mapper.get("config").get("included.custom.audience").asText())
        .isEqualTo("wellbeing");
  }

  @Test
  void thePeopleAppSignsInWithTheCodeFlowAndPkceOnLocalRedirectsOnly() throws IOException {
    JsonNode client = realm().get("clients").get(1);
    assertThat(client.get("clientId").asText()).isEqualTo("people-app");
    assertThat(client.get("publicClient").asBoolean()).isTrue();
    assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
    assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
    assertThat(client.get("attributes").get("pkce.code.challenge.method").asText())
        .isEqualTo("S256");
    assertThat(client.get("redirectUris"))
        .extracting(JsonNode::asText)
        .allMatch(
            uri ->
                uri.startsWith("http://127.0.0.1:8080/")
                    || uri.startsWith("http://localhost:8080/"));
    // the services take only tokens meant for them: the app's access tokens must say so
    assertThat(
            client
                .get("protocolMappers")
                .get(0)
                .get("config")
                .get("included.custom.audience")
                .asText())
        .isEqualTo("wellbeing");
  }

  private static List<String> roles(JsonNode user) {
    List<String> roles = new java.util.ArrayList<>();
    user.path("realmRoles").forEach(r -> roles.add(r.asText()));
    return roles;
  }
}
