package org.wellbeing.ingest.domain;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RRule;
import org.wellbeing.contract.EventKind;
import org.wellbeing.contract.EventStatus;
import org.wellbeing.contract.Violation;
import org.wellbeing.contract.WorkEvent;
import org.wellbeing.contract.WorkEventValidator;

/**
 * Turns an iCalendar (RFC 5545) document into one WorkEvent per occurrence: recurrences expanded
 * within a window, overrides applied, time zones resolved (Windows names mapped to IANA, floating
 * times in the person's zone), all-day events never counted as work, transparent and declined
 * events skipped, cancelled ones retracted. Ids are stable, so importing the same document twice
 * changes nothing downstream.
 */
public final class CalendarImporter {

  /** Where occurrences are looked for, and how categories map to kinds. */
  public record Settings(
      Duration lookBack,
      Duration lookAhead,
      Map<String, EventKind> categoryKinds,
      int maxOccurrences) {

    /** Categories of MODEL.md's kinds, matched without regard to case. */
    public static Map<String, EventKind> defaultCategories() {
      Map<String, EventKind> map = new LinkedHashMap<>();
      map.put("focus", EventKind.FOCUS);
      map.put("focus time", EventKind.FOCUS);
      map.put("learning", EventKind.LEARNING);
      map.put("training", EventKind.LEARNING);
      map.put("ooo", EventKind.ABSENCE);
      map.put("out of office", EventKind.ABSENCE);
      map.put("vacation", EventKind.ABSENCE);
      map.put("holiday", EventKind.ABSENCE);
      map.put("sick", EventKind.ABSENCE);
      map.put("leave", EventKind.ABSENCE);
      map.put("break", EventKind.BREAK);
      map.put("lunch", EventKind.BREAK);
      map.put("work", EventKind.WORK);
      map.put("meeting", EventKind.MEETING);
      return map;
    }
  }

  /** Whom the calendar belongs to, as the org directory knows them. */
  public record Owner(String personId, ZoneId zone, Set<String> emails) {}

  /** The events of a document, and how many occurrences were skipped. */
  public record Result(List<WorkEvent> events, int skipped) {}

  private static final Pattern TZID_PARAM = Pattern.compile("TZID=(\"?)([^\";:]+)\\1");
  private static final DateTimeFormatter UTC_BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String SKILL_PREFIX = "skill:";

  /**
   * The properties the import reads, parsed and checked as typed values. Calendar programs write
   * others the import never uses with values ical4j rejects (Google's {@code CREATED:00001231T...}
   * of year 0): those stay raw text, so they can never reject a file. DTSTAMP is read raw too and
   * parsed leniently, since only duplicates compare it.
   */
  private static final Set<String> READ_PROPERTIES =
      Set.of(
          "UID",
          "DTSTART",
          "DTEND",
          "DURATION",
          "RRULE",
          "RDATE",
          "EXDATE",
          "RECURRENCE-ID",
          "SEQUENCE",
          "STATUS",
          "TRANSP",
          "SUMMARY",
          "CATEGORIES",
          "ATTENDEE",
          "TZID",
          "TZOFFSETFROM",
          "TZOFFSETTO",
          "TZNAME",
          "VERSION",
          "PRODID",
          "CALSCALE");

  private static final List<PropertyFactory<?>> READ_FACTORIES =
      new DefaultPropertyFactorySupplier()
          .get().stream()
              .filter(f -> READ_PROPERTIES.stream().anyMatch(f::supports))
              .collect(Collectors.toUnmodifiableList());

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss[X]");

  private final Settings settings;

  public CalendarImporter(Settings settings) {
    this.settings = settings;
  }

  /**
   * Converts {@code text}.
   *
   * @param source the calendar source ({@code calendar:<personId>} or {@code feed:<feedId>}); it
   *     prefixes event ids and fills the events' {@code source}
   * @throws InvalidInputException when the document cannot be parsed
   */
  public Result convert(String text, Owner owner, String source, Instant now) {
    Calendar calendar = parse(text);
    Instant from = now.minus(settings.lookBack());
    Instant to = now.plus(settings.lookAhead());
    Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
    for (Component component : calendar.getComponents(Component.VEVENT)) {
      VEvent event = (VEvent) component;
      String uid = event.getUid().map(Property::getValue).orElse(null);
      if (uid == null || uid.isBlank()) {
        throw new InvalidInputException(
            "a VEVENT has no UID", List.of(Violation.of("UID", "every VEVENT needs a UID")));
      }
      byUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(event);
    }
    List<WorkEvent> events = new ArrayList<>();
    int[] skipped = {0};
    for (Map.Entry<String, List<VEvent>> entry : byUid.entrySet()) {
      try {
        convertSeries(entry.getKey(), entry.getValue(), owner, source, from, to, events, skipped);
      } catch (InvalidInputException | TooManyItemsException e) {
        throw e;
      } catch (RuntimeException e) {
        // ical4j reads some values only when asked for them: a broken DTSTART or RRULE shows here
        throw new InvalidInputException(
            "the calendar cannot be parsed",
            List.of(
                Violation.of(
                    null, "an event has a date, time or recurrence rule that cannot be read")));
      }
      if (events.size() > settings.maxOccurrences()) {
        throw new TooManyItemsException(events.size(), settings.maxOccurrences());
      }
    }
    return new Result(events, skipped[0]);
  }

  private void convertSeries(
      String uid,
      List<VEvent> components,
      Owner owner,
      String source,
      Instant from,
      Instant to,
      List<WorkEvent> out,
      int[] skipped) {
    VEvent master = null;
    List<VEvent> overrideComponents = new ArrayList<>();
    for (VEvent component : components) {
      if (component.getRecurrenceId() == null) {
        // a calendar may hold an event twice: the later revision wins, wherever it stands
        if (master == null || newer(component, master)) {
          master = component;
        }
      } else {
        overrideComponents.add(component);
      }
    }
    Temporal masterStart =
        master == null ? null : master.getStartDate().map(d -> (Temporal) d.getDate()).orElse(null);
    Map<String, VEvent> overrides = new LinkedHashMap<>();
    for (VEvent component : overrideComponents) {
      Temporal rid = (Temporal) component.getRecurrenceId().getDate();
      String key = overrideKey(rid, masterStart, owner.zone());
      VEvent other = overrides.get(key);
      if (other == null || newer(component, other)) {
        overrides.put(key, component);
      }
    }
    int masterSequence = master == null ? 0 : sequence(master);
    if (master != null) {
      // a single event keeps its id when it moves, so a new time replaces the old one
      boolean recurring =
          !master.getProperties(Property.RRULE).isEmpty()
              || !master.getProperties(Property.RDATE).isEmpty()
              || !overrides.isEmpty();
      for (Occurrence occurrence : occurrences(master, owner.zone(), from, to)) {
        if (!overrides.containsKey(occurrence.key())) {
          Occurrence keyed =
              recurring
                  ? occurrence
                  : new Occurrence(null, occurrence.start(), occurrence.end(), occurrence.allDay());
          emit(uid, master, keyed, masterSequence, owner, source, out, skipped);
        }
      }
    }
    for (Map.Entry<String, VEvent> override : overrides.entrySet()) {
      VEvent component = override.getValue();
      for (Occurrence occurrence : occurrences(component, owner.zone(), from, to)) {
        emit(
            uid,
            component,
            new Occurrence(
                override.getKey(), occurrence.start(), occurrence.end(), occurrence.allDay()),
            Math.max(masterSequence, sequence(component)),
            owner,
            source,
            out,
            skipped);
      }
    }
  }

  private void emit(
      String uid,
      VEvent component,
      Occurrence occurrence,
      int sequence,
      Owner owner,
      String source,
      List<WorkEvent> out,
      int[] skipped) {
    List<String> categories = categories(component);
    EventKind kind = kind(component, categories);
    String skill =
        categories.stream()
            .filter(c -> c.toLowerCase(Locale.ROOT).startsWith(SKILL_PREFIX))
            .map(c -> c.substring(SKILL_PREFIX.length()).trim())
            .filter(s -> !s.isEmpty())
            .findFirst()
            .orElse(null);
    boolean cancelled =
        component
            .getProperty(Property.STATUS)
            .map(p -> "CANCELLED".equalsIgnoreCase(p.getValue()))
            .orElse(false);
    if (occurrence.allDay() && kind != EventKind.ABSENCE) {
      skipped[0]++;
      return;
    }
    if (transparent(component) && !cancelled) {
      skipped[0]++;
      return;
    }
    if (skill != null && skill.length() > WorkEventValidator.MAX_SKILL_LENGTH) {
      throw new InvalidInputException(
          "a skill tag is too long",
          List.of(
              Violation.of(
                  "CATEGORIES",
                  "skill tags are at most %d characters"
                      .formatted(WorkEventValidator.MAX_SKILL_LENGTH))));
    }
    if (!cancelled && declinedBy(component, owner.emails())) {
      skipped[0]++;
      return;
    }
    if (!occurrence.end().isAfter(occurrence.start())) {
      skipped[0]++;
      return;
    }
    String title =
        WorkEventValidator.title(
            component.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null));
    Duration limit = WorkEvent.maxSpan(kind);
    String baseId = eventId(source, uid, occurrence.key());
    Instant start = occurrence.start();
    int part = 0;
    // one event spans at most 24 h (ABSENCE 31 days): longer ones become consecutive parts
    while (start.isBefore(occurrence.end())) {
      Instant end =
          start.plus(limit).isBefore(occurrence.end()) ? start.plus(limit) : occurrence.end();
      String id = part == 0 ? baseId : baseId + "#" + part;
      out.add(
          new WorkEvent(
              id,
              sequence + 1L,
              owner.personId(),
              kind,
              start.atOffset(ZoneOffset.UTC),
              end.atOffset(ZoneOffset.UTC),
              cancelled ? EventStatus.CANCELLED : EventStatus.CONFIRMED,
              kind == EventKind.LEARNING ? skill : null,
              source,
              title,
              null));
      start = end;
      part++;
    }
  }

  /**
   * Whether the event leaves the time free, so it is not the owner's own time: TRANSP:TRANSPARENT,
   * or Outlook's busy status FREE, which wins where both are given (OOF, BUSY and TENTATIVE block
   * time). An out-of-office marker that leaves time free is someone else's absence shared into the
   * calendar, or a reminder, not the owner's leave.
   */
  private static boolean transparent(VEvent component) {
    Optional<String> busy =
        component.getProperty("X-MICROSOFT-CDO-BUSYSTATUS").map(p -> p.getValue().trim());
    if (busy.isPresent()) {
      return "FREE".equalsIgnoreCase(busy.get());
    }
    return component
        .getProperty(Property.TRANSP)
        .map(p -> "TRANSPARENT".equalsIgnoreCase(p.getValue().trim()))
        .orElse(false);
  }

  private EventKind kind(VEvent component, List<String> categories) {
    for (String category : categories) {
      EventKind kind = settings.categoryKinds().get(category.toLowerCase(Locale.ROOT).trim());
      if (kind != null) {
        return kind;
      }
    }
    boolean outOfOffice =
        component
            .getProperty("X-MICROSOFT-CDO-BUSYSTATUS")
            .map(p -> "OOF".equalsIgnoreCase(p.getValue()))
            .orElse(false);
    return outOfOffice ? EventKind.ABSENCE : EventKind.MEETING;
  }

  private static List<String> categories(VEvent component) {
    List<String> result = new ArrayList<>();
    for (Property property : component.getProperties(Property.CATEGORIES)) {
      for (String value : property.getValue().split(",")) {
        if (!value.isBlank()) {
          result.add(value.replace("\\,", ",").trim());
        }
      }
    }
    return result;
  }

  /** An e-mail address as compared: no {@code mailto:}, no surrounding blanks, lower case. */
  static String normalisedAddress(String value) {
    return value.trim().replaceFirst("(?i)^mailto:", "").trim().toLowerCase(Locale.ROOT);
  }

  private static boolean declinedBy(VEvent component, Set<String> emails) {
    if (emails.isEmpty()) {
      return false;
    }
    for (Property attendee : component.getProperties(Property.ATTENDEE)) {
      String address = normalisedAddress(attendee.getValue());
      Optional<Parameter> partstat = attendee.getParameter(Parameter.PARTSTAT);
      if (emails.stream().anyMatch(e -> normalisedAddress(e).equals(address))
          && partstat.map(p -> "DECLINED".equalsIgnoreCase(p.getValue())).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code a} revises {@code b}: a higher SEQUENCE, then a later DTSTAMP. */
  private static boolean newer(VEvent a, VEvent b) {
    int bySequence = Integer.compare(sequence(a), sequence(b));
    if (bySequence != 0) {
      return bySequence > 0;
    }
    Instant stampA = stamp(a);
    Instant stampB = stamp(b);
    return stampA != null && (stampB == null || stampA.isAfter(stampB));
  }

  /** DTSTAMP read leniently; null when missing or unreadable. */
  private static Instant stamp(VEvent component) {
    String value =
        component.getProperty(Property.DTSTAMP).map(Property::getValue).orElse("").trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      var parsed = STAMP.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime o
          ? o.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The key of the occurrence a RECURRENCE-ID replaces, in the master's terms: an all-day series
   * names its occurrences by date however the override writes its RECURRENCE-ID, and a timed series
   * by instant.
   */
  private static String overrideKey(Temporal rid, Temporal masterStart, ZoneId zone) {
    if (masterStart instanceof LocalDate && !(rid instanceof LocalDate)) {
      LocalDate date =
          rid instanceof ZonedDateTime z
              ? z.toLocalDate()
              : rid instanceof LocalDateTime l
                  ? l.toLocalDate()
                  : LocalDate.ofInstant(instant(rid, zone), zone);
      return occurrenceKey(date, zone);
    }
    if (rid instanceof LocalDate date
        && masterStart != null
        && !(masterStart instanceof LocalDate)) {
      // a date names the occurrence that starts on it, at the master's time of day
      ZonedDateTime first = instant(masterStart, zone).atZone(zoneOf(masterStart, zone));
      return occurrenceKey(date.atTime(first.toLocalTime()).atZone(first.getZone()), zone);
    }
    return occurrenceKey(rid, zone);
  }

  private static ZoneId zoneOf(Temporal t, ZoneId fallback) {
    if (t instanceof ZonedDateTime z) {
      return z.getZone();
    }
    if (t instanceof OffsetDateTime o) {
      return o.getOffset();
    }
    return t instanceof Instant ? ZoneOffset.UTC : fallback;
  }

  private static int sequence(VEvent component) {
    return component
        .getProperty(Property.SEQUENCE)
        .map(
            p -> {
              try {
                return Math.max(0, Integer.parseInt(p.getValue().trim()));
              } catch (NumberFormatException e) {
                return 0;
              }
            })
        .orElse(0);
  }

  /**
   * One occurrence as instants; {@code key} names it stably (its original start), null for a single
   * event.
   */
  private record Occurrence(String key, Instant start, Instant end, boolean allDay) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Occurrence> occurrences(VEvent component, ZoneId zone, Instant from, Instant to) {
    Temporal start = component.getStartDate().map(d -> (Temporal) d.getDate()).orElse(null);
    if (start == null) {
      throw new InvalidInputException(
          "a VEVENT has no DTSTART",
          List.of(Violation.of("DTSTART", "every VEVENT needs a start")));
    }
    Period window = window(start, zone, from, to);
    checkBounded(component, start, window);
    List<Occurrence> result = new ArrayList<>();
    for (Object o : component.calculateRecurrenceSet(window)) {
      Period<?> period = (Period<?>) o;
      Temporal s = period.getStart();
      Temporal e = period.getEnd();
      boolean allDay = s instanceof LocalDate;
      Instant begin = instant(s, zone);
      Instant end = e == null ? begin : instant(e, zone);
      if (end.isAfter(from) && begin.isBefore(to)) {
        result.add(new Occurrence(occurrenceKey(s, zone), begin, end, allDay));
      }
    }
    result.sort((a, b) -> a.start().compareTo(b.start()));
    return result;
  }

  /**
   * Refuses a series that would yield more occurrences than the cap, before expanding it: each
   * RRULE is expanded lazily up to one past the cap (FREQ=SECONDLY without an end would otherwise
   * be millions), and EXDATE lists longer than the cap are refused outright.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void checkBounded(VEvent component, Temporal start, Period window) {
    int cap = settings.maxOccurrences();
    int exdates = 0;
    for (Property exdate : component.getProperties(Property.EXDATE)) {
      exdates += exdate.getValue().split(",").length;
    }
    if (exdates > cap) {
      throw new TooManyItemsException(exdates, cap);
    }
    for (Property property : component.getProperties(Property.RRULE)) {
      Recur recur = ((RRule) property).getRecur();
      int count =
          recur
              .getDates(start, (Temporal) window.getStart(), (Temporal) window.getEnd(), cap + 1)
              .size();
      if (count > cap) {
        throw new TooManyItemsException(count, cap);
      }
    }
  }

  /** The expansion window in the temporal type of the event's start. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Period window(Temporal start, ZoneId zone, Instant from, Instant to) {
    if (start instanceof ZonedDateTime zoned) {
      return new Period<>(from.atZone(zoned.getZone()), to.atZone(zoned.getZone()));
    }
    if (start instanceof OffsetDateTime) {
      return new Period<>(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    }
    if (start instanceof LocalDateTime) {
      return new Period<>(LocalDateTime.ofInstant(from, zone), LocalDateTime.ofInstant(to, zone));
    }
    if (start instanceof LocalDate) {
      return new Period<>(
          LocalDate.ofInstant(from, zone).minusDays(1), LocalDate.ofInstant(to, zone).plusDays(1));
    }
    return new Period<>(from, to);
  }

  private static Instant instant(Temporal t, ZoneId zone) {
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof Instant i) {
      return i;
    }
    if (t instanceof LocalDateTime l) {
      // floating time: the person's own zone
      return l.atZone(zone).toInstant();
    }
    if (t instanceof LocalDate d) {
      return d.atStartOfDay(zone).toInstant();
    }
    throw new IllegalArgumentException("unsupported date value " + t);
  }

  private static String occurrenceKey(Temporal t, ZoneId zone) {
    if (t instanceof LocalDate d) {
      return d.toString().replace("-", "");
    }
    return UTC_BASIC.format(instant(t, zone));
  }

  /** {@code source|UID|occurrence}; a single (non-recurring) event has no occurrence part. */
  private static String eventId(String source, String uid, String occurrence) {
    String safeUid = uid.length() <= 160 ? uid : sha256(uid);
    return occurrence == null ? source + "|" + safeUid : source + "|" + safeUid + "|" + occurrence;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<PropertyFactory<?>> readFactories() {
    return READ_FACTORIES;
  }

  private static Calendar parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "the body is empty", List.of(Violation.of(null, "send a text/calendar document")));
    }
    try {
      return new CalendarBuilder(
              CalendarParserFactory.getInstance().get(),
              new ContentHandlerContext()
                  .withPropertyFactorySupplier(CalendarImporter::readFactories),
              TimeZoneRegistryFactory.getInstance().createRegistry())
          .build(new StringReader(mapWindowsZones(unfold(text))));
    } catch (ParserException e) {
      throw new InvalidInputException(
          "the calendar cannot be parsed",
          List.of(new Violation(e.getLineNo(), null, firstLine(e.getMessage()))));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          "the calendar cannot be parsed", List.of(Violation.of(null, firstLine(e.getMessage()))));
    }
  }

  /** Unfolds continuation lines (RFC 5545 §3.1) so TZID parameters can be rewritten safely. */
  static String unfold(String text) {
    return text.replace("\r\n", "\n").replace("\r", "\n").replaceAll("\n[ \t]", "");
  }

  /** Rewrites Windows zone names in TZID parameters to IANA ids. */
  static String mapWindowsZones(String text) {
    Matcher matcher = TZID_PARAM.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String iana = WindowsZones.toIana(matcher.group(2));
      String replacement = iana == null ? matcher.group() : "TZID=" + iana;
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString().lines().collect(Collectors.joining("\r\n", "", "\r\n"));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "not an iCalendar document";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
