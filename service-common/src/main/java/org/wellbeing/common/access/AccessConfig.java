package org.wellbeing.common.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who may read per-person data, under {@code wellbeing.access.*}. Identity comes from headers that
 * an authenticating gateway in front of the services sets (and strips from clients).
 */
@ConfigMapping(prefix = "wellbeing.access")
public interface AccessConfig {

  /**
   * Serve per-person data only to the person, their managers and administrators. Off by default for
   * a trusted network; switch it on behind a gateway that sets the headers.
   */
  @WithDefault("false")
  boolean enforce();

  /** Header naming the caller's personId. */
  @WithDefault("X-Wellbeing-User")
  String userHeader();

  /** Header listing the caller's roles, comma-separated. */
  @WithDefault("X-Wellbeing-Roles")
  String rolesHeader();

  /** The role that may read everything. */
  @WithDefault("admin")
  String adminRole();
}
