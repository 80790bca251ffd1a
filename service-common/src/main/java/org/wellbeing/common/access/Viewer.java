package org.wellbeing.common.access;

import java.util.Set;

/**
 * Who is asking. {@code unrestricted} when access control is off.
 *
 * @param personId the caller's personId, or null when the gateway named nobody
 */
public record Viewer(String personId, boolean admin, boolean unrestricted) {

  /** Per-person data is for the person, their managers (any level up) and administrators. */
  public boolean maySee(String subjectPersonId, Set<String> managersAbove) {
    return unrestricted
        || admin
        || (personId != null
            && (personId.equals(subjectPersonId) || managersAbove.contains(personId)));
  }

  /** Team figures are for the team's managers (any level up) and administrators. */
  public boolean maySeeTeam(Set<String> managersAbove) {
    return unrestricted || admin || (personId != null && managersAbove.contains(personId));
  }
}
