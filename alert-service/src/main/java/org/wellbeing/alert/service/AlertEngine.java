package org.wellbeing.alert.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.wellbeing.alert.config.AlertConfig;
import org.wellbeing.alert.domain.AlertLifecycle;
import org.wellbeing.alert.domain.AlertLifecycle.Status;
import org.wellbeing.alert.domain.DateSpan;
import org.wellbeing.alert.domain.Figure;
import org.wellbeing.alert.domain.Finding;
import org.wellbeing.alert.domain.Judgement;
import org.wellbeing.alert.domain.Period;
import org.wellbeing.alert.domain.PersonSpan;
import org.wellbeing.alert.domain.RuleBook;
import org.wellbeing.alert.domain.RuleId;
import org.wellbeing.alert.domain.RunHead;
import org.wellbeing.alert.domain.Severity;
import org.wellbeing.alert.domain.TeamOverloadRule;
import org.wellbeing.alert.domain.TeamOverloadRule.MemberAlert;
import org.wellbeing.alert.persistence.AlertEntity;
import org.wellbeing.alert.persistence.DirectoryPersonEntity;
import org.wellbeing.alert.persistence.FigureRepository;
import org.wellbeing.contract.IsoWeek;
import org.wellbeing.contract.OrgChart;

/**
 * Judges people's figures and teams' alerts with the rule book and keeps each alert's lifecycle: a
 * finding opens its alert, a worse one escalates it in place, a finding that no longer holds
 * resolves it. Everything happens in the caller's transaction.
 */
@ApplicationScoped
public class AlertEngine {

  public static final String PERSON = "PERSON";
  public static final String TEAM = "TEAM";
  public static final String OPEN = Status.OPEN.name();
  public static final String ACKNOWLEDGED = Status.ACKNOWLEDGED.name();
  public static final String RESOLVED = Status.RESOLVED.name();

  /** {@code alerts.judgements} scopes: the weeks around a change, or a whole history. */
  static final String WINDOW = "window";

  static final String HISTORY = "history";

  private final FigureRepository figures;
  private final RuleBook rules;
  private final Routing routing;
  private final AlertMapper mapper;
  private final AlertConfig config;
  private final Clock clock;
  private final MeterRegistry registry;
  private final TeamOverloadRule teamOverload = new TeamOverloadRule();
  private final PersonAlerts personAlerts;

  public AlertEngine(
      FigureRepository figures,
      RuleBook rules,
      Routing routing,
      AlertMapper mapper,
      AlertConfig config,
      Clock clock,
      PersonAlerts personAlerts,
      MeterRegistry registry) {
    this.personAlerts = personAlerts;
    this.figures = figures;
    this.rules = rules;
    this.routing = routing;
    this.mapper = mapper;
    this.config = config;
    this.clock = clock;
    this.registry = registry;
  }

  /** Re-judges the people's whole histories and then the teams their alerts touch. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<AlertChange> evaluatePeople(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    lockPeople(personIds);
    Map<String, List<Figure>> byPerson = figures.forPeople(personIds);
    Map<String, Judgement> judged = new HashMap<>();
    for (String personId : personIds) {
      judged.put(personId, rules.judgeAll(byPerson.getOrDefault(personId, List.of())));
    }
    judgements(HISTORY).increment(judged.size());
    return reconcilePeople(judged);
  }

  /**
   * Re-judges what changed figures can affect, reading for each person only the weeks and months
   * around the changed dates, so that the cost of a change does not grow with the history kept;
   * then the teams their alerts touch.
   *
   * @param changed per person, the dates whose figures changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<AlertChange> evaluateChanges(Map<String, DateSpan> changed) {
    if (changed.isEmpty()) {
      return List.of();
    }
    lockPeople(changed.keySet());
    Map<String, PersonSpan> spans = figures.spans(changed.keySet());
    Map<String, List<DateSpan>> reads = new HashMap<>();
    List<String> whole = new ArrayList<>();
    for (Map.Entry<String, DateSpan> change : changed.entrySet()) {
      PersonSpan span = spans.get(change.getKey());
      if (span == null || !change.getValue().from().isAfter(span.first())) {
        whole.add(change.getKey());
        continue;
      }
      List<DateSpan> read = new ArrayList<>(2);
      read.add(rules.reads(change.getValue(), span));
      if (span.latestEvent() != null) {
        YearMonth month = YearMonth.from(span.latestEvent());
        read.add(new DateSpan(month.atDay(1), month.atEndOfMonth()));
      }
      reads.put(change.getKey(), read);
    }
    Map<String, List<Figure>> read = figures.within(reads);
    Map<String, Map<RuleId, RunHead>> heads = heads(reads, spans);
    Map<String, Judgement> judged = new HashMap<>();
    for (Map.Entry<String, List<DateSpan>> entry : reads.entrySet()) {
      String personId = entry.getKey();
      List<Figure> rows = read.getOrDefault(personId, List.of());
      DateSpan window = entry.getValue().get(0);
      List<Figure> month =
          entry.getValue().size() > 1 ? within(rows, entry.getValue().get(1)) : List.of();
      Judgement judgement =
          rules.judge(
              changed.get(personId),
              window,
              within(rows, window),
              month,
              spans.get(personId),
              heads.getOrDefault(personId, Map.of()));
      if (judgement == null) {
        whole.add(personId);
      } else {
        judged.put(personId, judgement);
      }
    }
    Map<String, List<Figure>> histories = figures.forPeople(whole);
    for (String personId : whole) {
      judged.put(personId, rules.judgeAll(histories.getOrDefault(personId, List.of())));
    }
    judgements(WINDOW).increment(judged.size() - whole.size());
    judgements(HISTORY).increment(whole.size());
    return reconcilePeople(judged);
  }

  /**
   * Per person, the parts before their window of the runs reaching into it, from the runs' standing
   * alerts: without them a run longer than the window (a year of low balance) sends every change
   * back to the whole history. Stored alerts are what judging the stored figures gave, and no
   * figure before a window changed, so a run's part before it is the alert's. A rule with two such
   * alerts has none: only the whole history can tell then.
   */
  private Map<String, Map<RuleId, RunHead>> heads(
      Map<String, List<DateSpan>> reads, Map<String, PersonSpan> spans) {
    Set<RuleId> runRules = rules.runRules();
    Map<String, LocalDate> starts = new HashMap<>();
    LocalDate min = null;
    LocalDate max = null;
    for (Map.Entry<String, List<DateSpan>> entry : reads.entrySet()) {
      LocalDate from = entry.getValue().get(0).from();
      if (from.isAfter(spans.get(entry.getKey()).first())) {
        starts.put(entry.getKey(), from);
        min = min == null || from.isBefore(min) ? from : min;
        max = max == null || from.isAfter(max) ? from : max;
      }
    }
    if (starts.isEmpty() || runRules.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<RuleId, RunHead>> heads = new HashMap<>();
    Map<String, Set<RuleId>> ambiguous = new HashMap<>();
    for (AlertEntity alert :
        AlertEntity.runsReaching(
            starts.keySet(), runRules.stream().map(Enum::name).toList(), min, max)) {
      LocalDate from = starts.get(alert.subject);
      if (from == null || !alert.periodFrom.isBefore(from) || alert.periodTo.isBefore(from)) {
        continue;
      }
      RuleId rule = RuleId.valueOf(alert.rule);
      RunHead head = RunHead.before(from, alert.periodFrom, mapper.readRows(alert.evidence));
      Map<RuleId, RunHead> mine =
          heads.computeIfAbsent(alert.subject, k -> new EnumMap<>(RuleId.class));
      if (head == null || mine.putIfAbsent(rule, head) != null) {
        ambiguous.computeIfAbsent(alert.subject, k -> EnumSet.noneOf(RuleId.class)).add(rule);
      }
    }
    ambiguous.forEach((personId, ids) -> heads.get(personId).keySet().removeAll(ids));
    return heads;
  }

  private static List<Figure> within(List<Figure> figures, DateSpan span) {
    return figures.stream().filter(f -> span.contains(f.date())).toList();
  }

  private Counter judgements(String scope) {
    return registry.counter("alerts.judgements", "scope", scope);
  }

  /**
   * The alerts a judgement can touch: all of a whole history's; for periods around a change, only
   * those (a year of history holds hundreds of alerts no change of today can alter). The others
   * were pointed at the person's current routing before ({@link #reroute}), as judging them would.
   */
  private List<AlertEntity> existing(String personId, Judgement judgement) {
    DateSpan bounds = judgement.bounds();
    if (bounds == null) {
      return AlertEntity.forSubject(personId, PERSON);
    }
    Set<String> labels = new HashSet<>();
    for (Finding f : judgement.findings()) {
      labels.add(f.period().label());
    }
    return AlertEntity.forPersonWithin(personId, bounds.from(), bounds.to(), labels);
  }

  /**
   * Points the standing alerts of the people judged in periods around a change at their current
   * routing, for the alerts those judgements do not load: one statement a route (a batch's people
   * share a few), not one a person, which was a fifth of alert-service's CPU on a live feed.
   */
  private void reroute(Map<String, Judgement> judged, Map<String, Routing.Route> routes) {
    Map<Routing.Route, List<String>> byRoute = new LinkedHashMap<>();
    for (String personId : new TreeSet<>(judged.keySet())) {
      if (judged.get(personId).bounds() != null) {
        byRoute.computeIfAbsent(routes.get(personId), r -> new ArrayList<>()).add(personId);
      }
    }
    Instant now = clock.instant();
    byRoute.forEach(
        (route, people) -> AlertEntity.reroute(people, route.teamId(), route.managerId(), now));
  }

  /**
   * Reconciles the people's alerts, then TEAM_OVERLOAD of their teams: a team with a member judged
   * on the whole history on all of its weeks, any other only on the weeks where a member's alert
   * began or stopped counting (a year of history holds a year of standing member alerts, which no
   * change of today can recount).
   */
  private List<AlertChange> reconcilePeople(Map<String, Judgement> judged) {
    OrgChart chart = routing.orgChart();
    Map<String, Routing.Route> routes = routing.people(judged.keySet(), chart);
    reroute(judged, routes);
    List<AlertChange> changes = new ArrayList<>();
    Set<String> whole = new HashSet<>();
    Map<String, DateSpan> recount = new HashMap<>();
    for (String personId : new TreeSet<>(judged.keySet())) {
      Routing.Route route = routes.get(personId);
      Judgement judgement = judged.get(personId);
      List<AlertEntity> existing = existing(personId, judgement);
      String teamId = route.teamId();
      changes.addAll(
          reconcile(
              PERSON,
              personId,
              teamId,
              route.managerId(),
              judgement,
              existing,
              span -> {
                if (teamId != null) {
                  recount.merge(teamId, span, DateSpan::with);
                }
              }));
      if (teamId != null && judgement.bounds() == null) {
        whole.add(teamId);
      }
      for (AlertEntity alert : existing) {
        if (alert.teamId != null && !alert.teamId.equals(teamId)) {
          // a member who left: the team they left is counted afresh
          whole.add(alert.teamId);
        }
      }
    }
    Map<String, DateSpan> teams = new HashMap<>(recount);
    whole.forEach(teamId -> teams.put(teamId, null));
    changes.addAll(evaluateTeams(teams, chart));
    return changes;
  }

  /**
   * Two consumers (figures and the directory) may judge the same person at once; without this, one
   * that read half of a batch's figures could resolve the alert the other just opened. Locks are
   * taken in a fixed order and held to the end of the transaction.
   */
  private static void lockPeople(Collection<String> personIds) {
    io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
        .createNativeQuery(
            "SELECT count(pg_advisory_xact_lock(hashtext('alert-person:' || id)))"
                + " FROM (SELECT DISTINCT id FROM unnest(?1) AS id ORDER BY id) people")
        .setParameter(1, personIds.toArray(String[]::new))
        .getSingleResult();
  }

  /** Re-judges TEAM_OVERLOAD of each team, on all of its weeks. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<AlertChange> evaluateTeams(Collection<String> teamIds, OrgChart chart) {
    Map<String, DateSpan> teams = new HashMap<>();
    teamIds.forEach(teamId -> teams.put(teamId, null));
    return evaluateTeams(teams, chart);
  }

  /**
   * Re-judges TEAM_OVERLOAD of each team on the ISO weeks touching its span, or on all of them
   * where the span is null.
   */
  private List<AlertChange> evaluateTeams(Map<String, DateSpan> teams, OrgChart chart) {
    List<AlertChange> changes = new ArrayList<>();
    for (String teamId : new TreeSet<>(teams.keySet())) {
      DateSpan span = weeks(teams.get(teamId));
      List<String> members =
          DirectoryPersonEntity.<DirectoryPersonEntity>list("teamId", teamId).stream()
              .map(p -> p.personId)
              .toList();
      List<MemberAlert> memberAlerts =
          members.isEmpty() ? List.of() : AlertEntity.counting(members, span);
      List<Finding> findings =
          teamOverload.evaluate(
              members.size(),
              memberAlerts,
              rules.settings(RuleId.TEAM_OVERLOAD),
              config.minGroupSize(),
              span);
      changes.addAll(
          reconcile(
              TEAM,
              teamId,
              teamId,
              chart.teamAlertRecipient(teamId),
              span == null
                  ? Judgement.whole(findings)
                  : new Judgement(findings, Map.of(RuleId.TEAM_OVERLOAD, span)),
              span == null
                  ? AlertEntity.forSubject(teamId, TEAM)
                  : AlertEntity.forTeamWithin(teamId, span.from(), span.to()),
              counted -> {}));
    }
    return changes;
  }

  /** {@code span} widened to whole ISO weeks; null stays null. */
  private static DateSpan weeks(DateSpan span) {
    return span == null
        ? null
        : new DateSpan(IsoWeek.of(span.from()).monday(), IsoWeek.of(span.to()).sunday());
  }

  /** The dates a person's alert counts towards TEAM_OVERLOAD: while it stands at WARNING or up. */
  private static DateSpan counted(AlertEntity alert) {
    if (alert == null
        || RESOLVED.equals(alert.status)
        || !(Severity.WARNING.name().equals(alert.severity)
            || Severity.CRITICAL.name().equals(alert.severity))) {
      return null;
    }
    return new DateSpan(alert.periodFrom, alert.periodTo);
  }

  private List<AlertChange> reconcile(
      String subjectType,
      String subject,
      String teamId,
      String managerId,
      Judgement judgement,
      List<AlertEntity> existing,
      Consumer<DateSpan> recount) {
    Instant now = clock.instant();
    Map<String, AlertEntity> byKey = new HashMap<>();
    for (AlertEntity alert : existing) {
      byKey.put(alert.rule + "|" + alert.period, alert);
    }
    List<AlertChange> changes = new ArrayList<>();
    Set<String> firing = new HashSet<>();
    for (Finding f : judgement.findings()) {
      String key = f.rule().name() + "|" + f.period().label();
      firing.add(key);
      AlertEntity alert = byKey.get(key);
      DateSpan before = counted(alert);
      // a year-long run's evidence is a year of rows: written out once a finding, not twice
      String evidence = mapper.writeRows(f.days());
      AlertLifecycle.OnFinding step =
          AlertLifecycle.onFinding(
              alert == null ? null : Status.valueOf(alert.status),
              alert == null ? null : Severity.valueOf(alert.severity),
              f.severity());
      if (step == AlertLifecycle.OnFinding.OPEN) {
        alert = new AlertEntity();
        alert.id = id(subjectType, subject, f.rule().name(), f.period().label());
        alert.subject = subject;
        alert.subjectType = subjectType;
        alert.rule = f.rule().name();
        alert.period = f.period().label();
        alert.openedAt = now;
        apply(alert, f, evidence, teamId, managerId, now);
        alert.status = OPEN;
        alert.persist();
        changes.add(new AlertChange(AlertChange.OPENED, alert));
      } else if (step == AlertLifecycle.OnFinding.REOPEN) {
        apply(alert, f, evidence, teamId, managerId, now);
        alert.status = OPEN;
        alert.openedAt = now;
        alert.resolvedAt = null;
        alert.acknowledgedAt = null;
        alert.ackReason = null;
        alert.ackUntil = null;
        changes.add(new AlertChange(AlertChange.OPENED, alert));
      } else {
        if (changed(alert, f, evidence, teamId, managerId)) {
          apply(alert, f, evidence, teamId, managerId, now);
        }
        if (step == AlertLifecycle.OnFinding.ESCALATE) {
          changes.add(new AlertChange(AlertChange.ESCALATED, alert));
        }
      }
      DateSpan recounted = TeamOverloadRule.recounted(before, counted(alert));
      if (recounted != null) {
        recount.accept(recounted);
      }
    }
    for (AlertEntity alert : existing) {
      RuleId rule = RuleId.valueOf(alert.rule);
      if (firing.contains(alert.rule + "|" + alert.period)) {
        continue;
      }
      if (!judgement.judges(rule, new Period(alert.period, alert.periodFrom, alert.periodTo))) {
        // its figures did not change, so it still fires if it stood; only its routing may differ
        if (!RESOLVED.equals(alert.status)
            && (!java.util.Objects.equals(alert.teamId, teamId)
                || !java.util.Objects.equals(alert.managerId, managerId))) {
          alert.teamId = teamId;
          alert.managerId = managerId;
          alert.updatedAt = now;
        }
        continue;
      }
      if (AlertLifecycle.resolvesWithoutFinding(
          Status.valueOf(alert.status), rules.settings(rule).enabled())) {
        DateSpan before = counted(alert);
        if (before != null) {
          recount.accept(before);
        }
        alert.status = RESOLVED;
        alert.resolvedAt = now;
        alert.updatedAt = now;
        changes.add(new AlertChange(AlertChange.RESOLVED, alert));
      }
    }
    for (AlertChange change : changes) {
      if (personAlerts.shown(change.alert())) {
        registry
            .counter("alerts.changes", "rule", change.alert().rule, "type", change.type())
            .increment();
      }
    }
    return changes;
  }

  private boolean changed(
      AlertEntity a, Finding f, String evidence, String teamId, String managerId) {
    return a.value != f.value()
        || a.threshold != f.threshold()
        || !a.severity.equals(f.severity().name())
        || !a.periodFrom.equals(f.period().from())
        || !a.periodTo.equals(f.period().to())
        || !java.util.Objects.equals(a.teamId, teamId)
        || !java.util.Objects.equals(a.managerId, managerId)
        || !java.util.Objects.equals(a.evidence, evidence)
        || !java.util.Objects.equals(a.evidenceForecast, mapper.writeForecast(f.forecast()));
  }

  private void apply(
      AlertEntity a, Finding f, String evidence, String teamId, String managerId, Instant now) {
    a.severity = f.severity().name();
    a.value = f.value();
    a.threshold = f.threshold();
    a.periodFrom = f.period().from();
    a.periodTo = f.period().to();
    a.summary = f.summary();
    a.evidence = evidence;
    a.evidenceForecast = mapper.writeForecast(f.forecast());
    a.teamId = teamId;
    a.managerId = managerId;
    a.updatedAt = now;
  }

  /** Stable ids: replaying the same figures into an empty database gives the same alerts. */
  static String id(String subjectType, String subject, String rule, String period) {
    String identity = String.join("|", subjectType, subject, rule, period);
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
