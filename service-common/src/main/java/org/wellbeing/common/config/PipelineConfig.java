package org.wellbeing.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.wellbeing.contract.WorkEventValidator;

/** Settings every service shares, under {@code wellbeing.*}. */
@ConfigMapping(prefix = "wellbeing")
public interface PipelineConfig {

  /** Creation of missing topics at start-up. */
  Topics topics();

  /** The outbox relay that publishes committed records. */
  Outbox outbox();

  /** How consumers wait out a database outage. */
  DatabaseOutage databaseOutage();

  /** What a WorkEvent may hold, wherever it comes from. */
  Events events();

  /** Calls to URLs users give: feeds and webhooks. */
  Outbound outbound();

  /** Monitoring functions a works agreement may switch off (docs/PRIVACY.md). */
  Functions functions();

  /** Each function is on by default, as MODEL.md describes it; every service reads the same key. */
  interface Functions {

    /** Alerts about one person; off, only team alerts are raised, published and notified. */
    @WithDefault("true")
    boolean personAlerts();

    /**
     * After-hours time: off, no day has any, W leaves its factor out, nothing shows or judges it.
     */
    @WithDefault("true")
    boolean afterHours();

    /** Learning hours, P, E, the growth rate and skill: off, none is published, shown or judged. */
    @WithDefault("true")
    boolean learning();
  }

  /** The address policy, timeouts and limits of outbound calls. */
  interface Outbound {

    /** Allow loopback addresses (tests and a single-machine setup only). */
    @WithDefault("false")
    boolean allowLoopback();

    /** Allow private, shared and unique-local addresses (an intranet calendar server). */
    @WithDefault("false")
    boolean allowPrivate();

    /** Hosts allowed whatever they resolve to, e.g. an internal calendar server by name. */
    Optional<Set<String>> allowedHosts();

    /** Time to open a connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time for a whole call, body and redirects included. */
    @WithDefault("30s")
    Duration totalTimeout();

    /** Largest response body read. */
    @WithDefault("4194304")
    long maxBodyBytes();

    /** Redirects followed, each to an allowed address. */
    @WithDefault("3")
    int maxRedirects();
  }

  /** The range of time events may touch: anything outside is refused at the edge. */
  interface Events {

    /** Earliest instant an event may start or end at. */
    @WithDefault("2000-01-01T00:00:00Z")
    Instant earliest();

    /** Latest instant an event may start or end at. */
    @WithDefault("2100-01-01T00:00:00Z")
    Instant latest();

    /**
     * Keep and publish the titles of calendar events. No figure reads them (docs/PRIVACY.md), so
     * they are dropped at intake and never stored unless this is on.
     */
    @WithDefault("false")
    boolean storeTitles();

    /** The validator with this range. */
    default WorkEventValidator validator() {
      return new WorkEventValidator(earliest(), latest());
    }
  }

  /** Back-off while the database is unreachable; consumers never give up on an outage. */
  interface DatabaseOutage {

    /** Wait before the first retry; it doubles each time. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** Longest wait between two retries. */
    @WithDefault("10s")
    Duration maxBackoff();
  }

  /** Topic creation settings. */
  interface Topics {

    /** Create missing topics at start-up; off where an operator manages topics. */
    @WithDefault("true")
    boolean create();

    /** Partitions of a created topic. */
    @WithDefault("3")
    int partitions();

    /** Replication factor of a created topic. */
    @WithDefault("1")
    short replicationFactor();
  }

  /** Outbox relay settings. */
  interface Outbox {

    /** Records sent per relay round. */
    @WithDefault("2000")
    int batchSize();

    /** How often the relay looks for records committed without a wake-up call. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a round waits for Kafka's acknowledgements. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Largest record sent; larger ones are parked (Kafka's default request limit is 1 MiB). */
    @WithDefault("1000000")
    int maxRecordBytes();

    /**
     * Longest the relay holds records back while its service catches up on a backlog; a record
     * changed again meanwhile is published once, at its latest.
     */
    @WithDefault("60s")
    Duration maxHold();

    /** How long a backlog is assumed to go on after the last full batch that announced it. */
    @WithDefault("5s")
    Duration holdLinger();
  }
}
