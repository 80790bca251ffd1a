package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wellbeing.alert.domain.RoutingPolicy.Change;
import org.wellbeing.alert.domain.RoutingPolicy.Recipient;

class RoutingPolicyTest {

  private static final Duration LATER = Duration.ofHours(48);

  private static Change opened(Severity severity) {
    return new Change(true, "alice", "bob", severity, true, false);
  }

  @Test
  void managerRoutingTellsTheManagerOfEverything() {
    assertThat(RoutingPolicy.MANAGER.recipients(opened(Severity.WARNING), LATER))
        .containsExactly(new Recipient("bob", Duration.ZERO, false));
  }

  @Test
  void personFirstTellsThePersonNowAndTheManagerLaterIfStillOpen() {
    assertThat(RoutingPolicy.PERSON_FIRST.recipients(opened(Severity.WARNING), LATER))
        .containsExactly(
            new Recipient("alice", Duration.ZERO, false), new Recipient("bob", LATER, true));
  }

  @Test
  void personFirstTellsTheManagerAtOnceOfACriticalAlert() {
    assertThat(RoutingPolicy.PERSON_FIRST.recipients(opened(Severity.CRITICAL), LATER))
        .containsExactly(
            new Recipient("alice", Duration.ZERO, false),
            new Recipient("bob", Duration.ZERO, false));
  }

  @Test
  void personFirstKeepsAManagerWhoHasNotHeardOutOfLaterChanges() {
    Change resolved = new Change(true, "alice", "bob", Severity.WARNING, false, false);
    Change resolvedAfterTold = new Change(true, "alice", "bob", Severity.WARNING, false, true);

    assertThat(RoutingPolicy.PERSON_FIRST.recipients(resolved, LATER))
        .containsExactly(new Recipient("alice", Duration.ZERO, false));
    assertThat(RoutingPolicy.PERSON_FIRST.recipients(resolvedAfterTold, LATER))
        .containsExactly(
            new Recipient("alice", Duration.ZERO, false),
            new Recipient("bob", Duration.ZERO, false));
  }

  @Test
  void teamAlertsAndPeopleWhoAreTheirOwnManagerHearOnce() {
    Change team = new Change(false, "platform", "bob", Severity.CRITICAL, true, false);
    Change ownManager = new Change(true, "bob", "bob", Severity.WARNING, true, false);

    assertThat(RoutingPolicy.PERSON_FIRST.recipients(team, LATER))
        .containsExactly(new Recipient("bob", Duration.ZERO, false));
    assertThat(RoutingPolicy.PERSON_FIRST.recipients(ownManager, LATER))
        .containsExactly(new Recipient("bob", Duration.ZERO, false));
  }
}
