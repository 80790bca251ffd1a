package org.wellbeing.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wellbeing.contract.Person;
import org.wellbeing.ingest.domain.CalendarImporter.Owner;
import org.wellbeing.ingest.persistence.DirectoryPersonEntity;

/** People as org-directory describes them: what ingest needs to read their local times. */
@ApplicationScoped
public class IngestDirectory {

  private final Clock clock = Clock.systemUTC();

  @Transactional
  public void apply(List<Person> people) {
    for (Person p : people) {
      DirectoryPersonEntity e = DirectoryPersonEntity.findById(p.personId());
      if (e == null) {
        e = new DirectoryPersonEntity();
        e.personId = p.personId();
      }
      e.timeZone = p.timeZone();
      e.emails =
          p.emails() == null
              ? ""
              : p.emails().stream()
                  .map(m -> m.toLowerCase(Locale.ROOT).trim())
                  .collect(Collectors.joining(","));
      e.updatedAt = clock.instant();
      e.persist();
    }
  }

  /** The zones of the people the directory knows; the others are left out. */
  @Transactional
  public Map<String, ZoneId> zones(Collection<String> personIds) {
    Map<String, ZoneId> zones = new HashMap<>();
    if (personIds.isEmpty()) {
      return zones;
    }
    for (DirectoryPersonEntity e :
        DirectoryPersonEntity.<DirectoryPersonEntity>list("personId in ?1", personIds)) {
      ZoneId zone = zone(e);
      if (zone != null) {
        zones.put(e.personId, zone);
      }
    }
    return zones;
  }

  /** A calendar's owner; someone unknown is read in UTC, like the model judges them. */
  @Transactional
  public Owner owner(String personId) {
    DirectoryPersonEntity e = DirectoryPersonEntity.findById(personId);
    if (e == null) {
      return new Owner(personId, ZoneOffset.UTC, Set.of());
    }
    ZoneId zone = zone(e);
    Set<String> emails =
        e.emails.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(e.emails.split(",")));
    return new Owner(personId, zone == null ? ZoneOffset.UTC : zone, emails);
  }

  private static ZoneId zone(DirectoryPersonEntity e) {
    try {
      return e.timeZone == null ? null : ZoneId.of(e.timeZone);
    } catch (DateTimeException ex) {
      return null;
    }
  }
}
