package org.wellbeing.model.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A union of half-open intervals, kept sorted and merged: overlapping and touching intervals become
 * one, so every length counts once.
 */
public final class IntervalSet {

  public static final IntervalSet EMPTY = new IntervalSet(List.of());

  /** Nanoseconds per hour, for converting lengths to the decimal hours of the contract. */
  public static final double NANOS_PER_HOUR = 3_600_000_000_000.0;

  private final List<Interval> intervals;

  private IntervalSet(List<Interval> sortedDisjoint) {
    this.intervals = sortedDisjoint;
  }

  /** The union of {@code parts}, in any order, overlapping or not. */
  public static IntervalSet of(Collection<Interval> parts) {
    if (parts.isEmpty()) {
      return EMPTY;
    }
    List<Interval> sorted = new ArrayList<>(parts);
    Collections.sort(sorted);
    List<Interval> merged = new ArrayList<>(sorted.size());
    Instant start = sorted.get(0).start();
    Instant end = sorted.get(0).end();
    for (int i = 1; i < sorted.size(); i++) {
      Interval next = sorted.get(i);
      if (!next.start().isAfter(end)) {
        if (next.end().isAfter(end)) {
          end = next.end();
        }
      } else {
        merged.add(new Interval(start, end));
        start = next.start();
        end = next.end();
      }
    }
    merged.add(new Interval(start, end));
    return new IntervalSet(List.copyOf(merged));
  }

  public static IntervalSet of(Interval... parts) {
    return of(List.of(parts));
  }

  public List<Interval> intervals() {
    return intervals;
  }

  public boolean isEmpty() {
    return intervals.isEmpty();
  }

  public IntervalSet union(IntervalSet other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<Interval> all = new ArrayList<>(intervals.size() + other.intervals.size());
    all.addAll(intervals);
    all.addAll(other.intervals);
    return of(all);
  }

  /** The time of this set that {@code other} does not cover. */
  public IntervalSet minus(IntervalSet other) {
    if (isEmpty() || other.isEmpty()) {
      return this;
    }
    List<Interval> result = new ArrayList<>();
    int j = 0;
    List<Interval> cuts = other.intervals;
    for (Interval piece : intervals) {
      Instant cursor = piece.start();
      while (j < cuts.size() && !cuts.get(j).end().isAfter(cursor)) {
        j++;
      }
      int k = j;
      while (k < cuts.size() && cuts.get(k).start().isBefore(piece.end())) {
        Interval cut = cuts.get(k);
        if (cut.start().isAfter(cursor)) {
          result.add(new Interval(cursor, cut.start()));
        }
        if (cut.end().isAfter(cursor)) {
          cursor = cut.end();
        }
        if (!cursor.isBefore(piece.end())) {
          break;
        }
        k++;
      }
      if (cursor.isBefore(piece.end())) {
        result.add(new Interval(cursor, piece.end()));
      }
    }
    return new IntervalSet(List.copyOf(result));
  }

  /** The time covered by both sets. */
  public IntervalSet intersect(IntervalSet other) {
    List<Interval> result = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < intervals.size() && j < other.intervals.size()) {
      Interval a = intervals.get(i);
      Interval b = other.intervals.get(j);
      Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
      Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
      if (start.isBefore(end)) {
        result.add(new Interval(start, end));
      }
      if (a.end().isBefore(b.end())) {
        i++;
      } else {
        j++;
      }
    }
    return new IntervalSet(List.copyOf(result));
  }

  /** The part of this set inside {@code [from, to)}. */
  public IntervalSet clip(Instant from, Instant to) {
    if (isEmpty() || !from.isBefore(to)) {
      return EMPTY;
    }
    int first = firstEndingAfter(from);
    List<Interval> result = new ArrayList<>();
    for (int i = first; i < intervals.size(); i++) {
      Interval piece = intervals.get(i);
      if (!piece.start().isBefore(to)) {
        break;
      }
      Instant start = piece.start().isBefore(from) ? from : piece.start();
      Instant end = piece.end().isAfter(to) ? to : piece.end();
      result.add(new Interval(start, end));
    }
    return new IntervalSet(List.copyOf(result));
  }

  /** Total covered nanoseconds. */
  public long nanos() {
    long total = 0;
    for (Interval piece : intervals) {
      total += piece.nanos();
    }
    return total;
  }

  /** Total covered time in decimal hours. */
  public double hours() {
    return nanos() / NANOS_PER_HOUR;
  }

  /**
   * The end of the last piece of this set before {@code limit}, cut at {@code limit}; null when no
   * piece starts before it.
   */
  public Instant lastEndBefore(Instant limit) {
    int index = firstEndingAfter(limit);
    // the piece at index may straddle the limit; then the time up to the limit counts
    if (index < intervals.size() && intervals.get(index).start().isBefore(limit)) {
      return limit;
    }
    return index == 0 ? null : intervals.get(index - 1).end();
  }

  /** The longest stretch within {@code [from, to)} that this set does not cover. */
  public Duration longestGap(Instant from, Instant to) {
    Instant cursor = from;
    long longest = 0;
    for (Interval piece : clip(from, to).intervals) {
      longest = Math.max(longest, Duration.between(cursor, piece.start()).toNanos());
      cursor = piece.end();
    }
    longest = Math.max(longest, Duration.between(cursor, to).toNanos());
    return Duration.ofNanos(longest);
  }

  /**
   * The longest gap of this set that overlaps {@code [from, to)}, measured whole rather than cut at
   * the window (MODEL.md's WEEKLY_REST). The time before the first piece and after the last one are
   * gaps without a start or an end; when such a gap overlaps the window the answer is null, since
   * it is longer than any length.
   *
   * @param coveredBefore the end of coverage before this set's pieces (pieces left out of it); null
   *     when nothing was covered before them
   */
  public Duration longestWholeGap(Instant coveredBefore, Instant from, Instant to) {
    int n = intervals.size();
    long longest = 0;
    for (int i = firstEndingAfter(from); i <= n; i++) {
      Instant gapStart = i == 0 ? coveredBefore : intervals.get(i - 1).end();
      Instant gapEnd = i == n ? null : intervals.get(i).start();
      if (gapStart != null && !gapStart.isBefore(to)) {
        break;
      }
      if (gapEnd != null && !gapEnd.isAfter(from)) {
        continue;
      }
      if (gapStart == null || gapEnd == null) {
        return null;
      }
      longest = Math.max(longest, Duration.between(gapStart, gapEnd).toNanos());
    }
    return Duration.ofNanos(longest);
  }

  /** Index of the first piece whose end is after {@code instant} (binary search). */
  private int firstEndingAfter(Instant instant) {
    int low = 0;
    int high = intervals.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (intervals.get(mid).end().isAfter(instant)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalSet other && intervals.equals(other.intervals);
  }

  @Override
  public int hashCode() {
    return intervals.hashCode();
  }

  @Override
  public String toString() {
    return intervals.toString();
  }
}
