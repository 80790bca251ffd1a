package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wellbeing.alert.domain.AlertLifecycle.OnFinding;
import org.wellbeing.alert.domain.AlertLifecycle.Status;

class AlertLifecycleTest {

  @Test
  void aFindingOpensReopensEscalatesOrUpdates() {
    assertThat(AlertLifecycle.onFinding(null, null, Severity.WARNING)).isEqualTo(OnFinding.OPEN);
    assertThat(AlertLifecycle.onFinding(Status.RESOLVED, Severity.CRITICAL, Severity.WARNING))
        .isEqualTo(OnFinding.REOPEN);
    assertThat(AlertLifecycle.onFinding(Status.OPEN, Severity.WARNING, Severity.CRITICAL))
        .isEqualTo(OnFinding.ESCALATE);
    assertThat(AlertLifecycle.onFinding(Status.ACKNOWLEDGED, Severity.WARNING, Severity.CRITICAL))
        .isEqualTo(OnFinding.ESCALATE);
    // a milder finding changes the figures in place: nothing de-escalates loudly
    assertThat(AlertLifecycle.onFinding(Status.OPEN, Severity.CRITICAL, Severity.WARNING))
        .isEqualTo(OnFinding.UPDATE);
    assertThat(AlertLifecycle.onFinding(Status.OPEN, Severity.WARNING, Severity.WARNING))
        .isEqualTo(OnFinding.UPDATE);
  }

  @Test
  void aStandingAlertResolvesWithoutItsFindingUnlessItsRuleIsOff() {
    assertThat(AlertLifecycle.resolvesWithoutFinding(Status.OPEN, true)).isTrue();
    assertThat(AlertLifecycle.resolvesWithoutFinding(Status.ACKNOWLEDGED, true)).isTrue();
    assertThat(AlertLifecycle.resolvesWithoutFinding(Status.RESOLVED, true)).isFalse();
    assertThat(AlertLifecycle.resolvesWithoutFinding(Status.OPEN, false)).isFalse();
  }

  @Test
  void onlyAStandingAlertCanBeAcknowledged() {
    assertThat(AlertLifecycle.acknowledge(Status.OPEN)).isEqualTo(Status.ACKNOWLEDGED);
    assertThat(AlertLifecycle.acknowledge(Status.ACKNOWLEDGED)).isEqualTo(Status.ACKNOWLEDGED);
    assertThatThrownBy(() -> AlertLifecycle.acknowledge(Status.RESOLVED))
        .isInstanceOf(ConflictException.class);
  }
}
