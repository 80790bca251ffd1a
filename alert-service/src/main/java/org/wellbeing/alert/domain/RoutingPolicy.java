package org.wellbeing.alert.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Who hears of an alert change, and when. */
public enum RoutingPolicy {
  /** Every change goes to the subject's manager, as soon as the grouping window allows. */
  MANAGER,
  /**
   * The person hears of their own alert first; their manager only when it is CRITICAL, or once it
   * has stayed open for a configured time, and from then on of every change. Team alerts go to the
   * manager as under {@link #MANAGER}.
   */
  PERSON_FIRST;

  /**
   * One recipient of a change.
   *
   * @param delay added to the grouping window before the change may go out
   * @param onlyWhileOpen dropped unless the alert is still open when it falls due
   */
  public record Recipient(String personId, Duration delay, boolean onlyWhileOpen) {}

  /** What routing needs to know about one change. */
  public record Change(
      boolean aboutPerson,
      String subject,
      String manager,
      Severity severity,
      boolean opened,
      boolean managerTold) {}

  /**
   * The recipients of {@code change}.
   *
   * @param managerAfter how long a non-critical person alert stays the person's own (PERSON_FIRST)
   */
  public List<Recipient> recipients(Change change, Duration managerAfter) {
    Recipient managerNow = new Recipient(change.manager(), Duration.ZERO, false);
    if (this == MANAGER || !change.aboutPerson()) {
      return List.of(managerNow);
    }
    List<Recipient> recipients = new ArrayList<>();
    recipients.add(new Recipient(change.subject(), Duration.ZERO, false));
    if (change.manager() == null || change.manager().equals(change.subject())) {
      return recipients;
    }
    if (change.severity() == Severity.CRITICAL || change.managerTold()) {
      recipients.add(managerNow);
    } else if (change.opened()) {
      recipients.add(new Recipient(change.manager(), managerAfter, true));
    }
    return recipients;
  }
}
