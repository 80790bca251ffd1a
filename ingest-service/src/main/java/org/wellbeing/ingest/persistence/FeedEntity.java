package org.wellbeing.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's subscription to an iCalendar feed and how its polling goes. */
@Entity
@Table(name = "feed")
public class FeedEntity extends PanacheEntityBase {

  @Id
  @Column(name = "feed_id")
  public String feedId;

  @Column(name = "person_id", nullable = false)
  public String personId;

  @Column(nullable = false)
  public String url;

  @Column(name = "poll_minutes", nullable = false)
  public int pollMinutes;

  public String etag;

  @Column(name = "last_modified")
  public String lastModified;

  @Column(name = "last_polled_at")
  public Instant lastPolledAt;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "last_error_at")
  public Instant lastErrorAt;

  @Column(nullable = false)
  public int failures;

  @Column(name = "next_poll_at", nullable = false)
  public Instant nextPollAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
