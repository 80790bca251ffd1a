package org.wellbeing.common.security;

import java.util.Set;

/**
 * Who is calling, as their verified access token says (CONTRACT.md "Identity"). The relations that
 * decide what they may do (who manages whom) come from the directory; the rules themselves are
 * here, once, for every service.
 *
 * @param personId the token's personId claim ({@code preferred_username} by default)
 * @param roles the token's realm roles
 */
public record Caller(String personId, Set<String> roles) {

  /** Everything: directory writes, webhooks, erasure, export, every read. */
  public static final String ADMIN = "admin";

  /** Reads the teams they manage per the directory; informational, the directory decides. */
  public static final String MANAGER = "manager";

  /** Posts working time for anyone and manages feeds; reads no figures. */
  public static final String INGEST = "ingest";

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean admin() {
    return roles.contains(ADMIN);
  }

  /** An intake account: may post for anyone, and reads nothing unless it is also an admin. */
  public boolean ingest() {
    return roles.contains(INGEST);
  }

  public boolean is(String otherPersonId) {
    return personId != null && personId.equals(otherPersonId);
  }

  /**
   * A person's figures (profile, days, growth, alerts) are for the person, every manager above them
   * in the directory, and administrators. An intake account reads none, whatever its name.
   */
  public boolean mayRead(String subject, Set<String> managersAbove) {
    if (admin()) {
      return true;
    }
    if (ingest()) {
      return false;
    }
    return is(subject) || (personId != null && managersAbove.contains(personId));
  }

  /** A team's figures are for the managers at or above it, and administrators. */
  public boolean mayReadTeam(Set<String> managersAbove) {
    return admin() || (!ingest() && personId != null && managersAbove.contains(personId));
  }

  /** Everything held about a person is exported to the person and to administrators. */
  public boolean mayExport(String subject) {
    return admin() || (!ingest() && is(subject));
  }

  /** Working time is posted by intake accounts, administrators, or the person themselves. */
  public boolean mayPostFor(String subject) {
    return admin() || ingest() || is(subject);
  }

  /**
   * An alert is acknowledged by a manager above its subject or an administrator, never by the
   * subject: nobody silences their own warning.
   *
   * @param subject the person the alert is about, or null for a team's alert
   */
  public boolean mayAcknowledge(String subject, Set<String> managersAbove) {
    if (is(subject) || (ingest() && !admin())) {
      return false;
    }
    return admin() || (personId != null && managersAbove.contains(personId));
  }
}
