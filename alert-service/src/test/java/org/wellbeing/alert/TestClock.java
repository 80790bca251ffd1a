package org.wellbeing.alert;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The application's clock in tests: the system clock until a test sets it. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  public void set(Instant instant) {
    fixed.set(instant);
  }

  public void advance(Duration duration) {
    fixed.updateAndGet(i -> (i == null ? Instant.now() : i).plus(duration));
  }

  public void reset() {
    fixed.set(null);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    Instant instant = fixed.get();
    return instant == null ? Instant.now() : instant;
  }
}
