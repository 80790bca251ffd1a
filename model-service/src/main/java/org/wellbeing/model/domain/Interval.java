package org.wellbeing.model.domain;

import java.time.Duration;
import java.time.Instant;

/** A half-open stretch of time {@code [start, end)}; never empty. */
public record Interval(Instant start, Instant end) implements Comparable<Interval> {

  public Interval {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("empty interval [" + start + ", " + end + ")");
    }
  }

  /** Elapsed nanoseconds. */
  public long nanos() {
    return Duration.between(start, end).toNanos();
  }

  @Override
  public int compareTo(Interval other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : end.compareTo(other.end);
  }
}
