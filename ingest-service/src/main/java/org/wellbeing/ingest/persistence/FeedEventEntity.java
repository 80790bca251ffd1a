package org.wellbeing.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** What a feed last published for one event id. */
@Entity
@Table(name = "feed_event")
public class FeedEventEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "feed_id", nullable = false)
  public String feedId;

  @Column(name = "event_id", nullable = false)
  public String eventId;

  @Column(nullable = false)
  public long version;

  /** What the event said, to tell a changed occurrence from an unchanged one. */
  @Column(nullable = false)
  public String fingerprint;

  @Column(name = "starts_at", nullable = false)
  public Instant startsAt;

  /** The last published WorkEvent as JSON, the base of its retraction. */
  @Column(nullable = false)
  public String payload;

  @Column(nullable = false)
  public boolean retracted;

  public static List<FeedEventEntity> forFeed(String feedId) {
    return list("feedId", feedId);
  }
}
