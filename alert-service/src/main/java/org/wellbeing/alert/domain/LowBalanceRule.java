package org.wellbeing.alert.domain;

import java.time.LocalDate;

/**
 * LOW_BALANCE: work-life balance W below 0.5 on 14 consecutive days. One finding per run, named by
 * its first date; its value is the run's length in days.
 */
public final class LowBalanceRule extends RunRule {

  @Override
  public RuleId id() {
    return RuleId.LOW_BALANCE;
  }

  @Override
  boolean meets(Figure f, RuleSettings settings) {
    return f.balance() < settings.threshold();
  }

  @Override
  boolean consecutive() {
    return true;
  }

  @Override
  String summary(RuleSettings settings, int length, LocalDate first) {
    return "balance below %.2f on %d consecutive days from %s"
        .formatted(settings.threshold(), length, first);
  }

  @Override
  String evidenceName() {
    return "balance";
  }

  @Override
  Object evidenceValue(Figure f) {
    return f.balance();
  }
}
