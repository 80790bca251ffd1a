package org.wellbeing.common.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;

/** Reads the caller from the request headers, as access control is configured. */
@ApplicationScoped
public class AccessPolicy {

  private final AccessConfig config;

  public AccessPolicy(AccessConfig config) {
    this.config = config;
  }

  public Viewer viewer(HttpHeaders headers) {
    if (!config.enforce()) {
      return new Viewer(null, false, true);
    }
    String user = headers.getHeaderString(config.userHeader());
    String roles = headers.getHeaderString(config.rolesHeader());
    boolean admin =
        roles != null
            && Arrays.stream(roles.split(","))
                .map(String::trim)
                .anyMatch(config.adminRole()::equalsIgnoreCase);
    return new Viewer(user == null || user.isBlank() ? null : user.trim(), admin, false);
  }
}
