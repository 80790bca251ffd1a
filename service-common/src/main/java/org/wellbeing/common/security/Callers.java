package org.wellbeing.common.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The caller of the current request, from Quarkus Security's verified identity. */
@ApplicationScoped
public class Callers {

  private final SecurityIdentity identity;

  public Callers(SecurityIdentity identity) {
    this.identity = identity;
  }

  /** The signed-in caller; anonymous requests never get this far, but if one does, it is a 401. */
  public Caller current() {
    if (identity.isAnonymous() || identity.getPrincipal() == null) {
      throw new UnauthorizedException();
    }
    return new Caller(identity.getPrincipal().getName(), identity.getRoles());
  }

  /**
   * The caller's own access token, to call another service on their behalf (token propagation);
   * empty when the identity did not come from a bearer token.
   */
  public java.util.Optional<String> accessToken() {
    io.quarkus.oidc.AccessTokenCredential credential =
        identity.getCredential(io.quarkus.oidc.AccessTokenCredential.class);
    return credential == null
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(credential.getToken());
  }
}
