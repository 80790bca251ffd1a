package org.wellbeing.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.function.BinaryOperator;
import org.wellbeing.common.security.AccessDeniedException;
import org.wellbeing.common.security.Caller;
import org.wellbeing.common.security.Callers;

/**
 * Who may post whose working time, decided here and nowhere else in ingest-service: intake accounts
 * and administrators for anyone, a person only for themselves (CONTRACT.md "Identity").
 */
@ApplicationScoped
public class IngestAccess {

  private final Callers callers;

  public IngestAccess(Callers callers) {
    this.callers = callers;
  }

  /**
   * The id an event gets in the store. MODEL.md lets the winning version of an eventId decide its
   * person, which intake accounts need to correct a mistake; a person posting for themselves gets
   * their own namespace ({@code <personId>/<eventId>}), so no employee can take over, move or
   * cancel someone else's event by guessing its id.
   */
  public String ownEventId(String personId, String eventId) {
    return ownEventId(callers.current(), personId, eventId);
  }

  /**
   * {@link #ownEventId} for the events of one request, (personId, eventId) to id: the caller is
   * looked up once, not once an event.
   */
  public BinaryOperator<String> eventIds() {
    Caller caller = callers.current();
    return (personId, eventId) -> ownEventId(caller, personId, eventId);
  }

  private static String ownEventId(Caller caller, String personId, String eventId) {
    if (caller.admin() || caller.ingest() || eventId == null || personId == null) {
      return eventId;
    }
    String prefix = personId + "/";
    return eventId.startsWith(prefix) ? eventId : prefix + eventId;
  }

  public void requirePostingFor(String personId) {
    requirePostingFor(List.of(personId));
  }

  /** Refuses the whole request with a 403 if any one of the people is not the caller's to post. */
  public void requirePostingFor(Collection<String> personIds) {
    Caller caller = callers.current();
    for (String personId : personIds) {
      if (!caller.mayPostFor(personId)) {
        throw new AccessDeniedException(
            "%s may post only their own working time, not %s"
                .formatted(caller.personId(), personId));
      }
    }
  }
}
