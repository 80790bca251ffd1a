package org.wellbeing.people.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Sends the signed-in user's own access token to the services, so each call is allowed exactly what
 * that person may do: the app holds no identity of its own and no wider rights.
 */
@ApplicationScoped
public class UserToken implements ClientHeadersFactory {

  private final SecurityIdentity identity;

  public UserToken(SecurityIdentity identity) {
    this.identity = identity;
  }

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
    if (token != null) {
      headers.putSingle("Authorization", "Bearer " + token.getToken());
    }
    return headers;
  }
}
