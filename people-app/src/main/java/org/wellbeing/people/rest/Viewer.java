package org.wellbeing.people.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.wellbeing.contract.Person;
import org.wellbeing.people.client.ModelClient;

/**
 * Who is looking, for one request: their personId (the token's preferred_username, as the services
 * read it), their roles, and the time zone every time of the page is shown in (their own, from the
 * directory; UTC for someone the directory does not know, such as an administrator).
 */
@RequestScoped
public class Viewer {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

  private final SecurityIdentity identity;
  private final ModelClient model;
  private Person self;
  private boolean looked;

  public Viewer(SecurityIdentity identity, @RestClient ModelClient model) {
    this.identity = identity;
    this.model = model;
  }

  public String personId() {
    return identity.getPrincipal().getName();
  }

  public boolean admin() {
    return identity.hasRole("admin");
  }

  public boolean manager() {
    return identity.hasRole("manager");
  }

  /** The viewer's own directory entry, or null when the directory does not hold them. */
  public Person self() {
    if (!looked) {
      looked = true;
      try {
        self = model.person(personId());
      } catch (WebApplicationException | ProcessingException e) {
        // not in the directory (an administrator), or the directory is down: UTC, the login name
        self = null;
      }
    }
    return self;
  }

  public String name() {
    Person person = self();
    return person != null && person.displayName() != null ? person.displayName() : personId();
  }

  public ZoneId zone() {
    Person person = self();
    return person == null || person.timeZone() == null
        ? ZoneOffset.UTC
        : ZoneId.of(person.timeZone());
  }

  /** The zone's name as a person reads it: "UTC" rather than "Z". */
  public String zoneName() {
    return zone() == ZoneOffset.UTC ? "UTC" : zone().getId();
  }

  /** {@code at} in the viewer's zone, e.g. "Mon 2 Mar 2026, 09:00"; empty for none. */
  public String time(Instant at) {
    return at == null ? "" : WHEN.format(at.atZone(zone()));
  }
}
