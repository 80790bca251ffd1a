package org.wellbeing.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  private static final Set<String> ABOVE_ALICE = Set.of("maria", "grace");

  private static Caller caller(String personId, String... roles) {
    return new Caller(personId, Set.of(roles));
  }

  @Test
  void aPersonReadsThemselvesAndTheManagersAboveReadThem() {
    assertThat(caller("alice").mayRead("alice", ABOVE_ALICE)).isTrue();
    assertThat(caller("maria", "manager").mayRead("alice", ABOVE_ALICE)).isTrue();
    assertThat(caller("grace").mayRead("alice", ABOVE_ALICE)).isTrue();
    assertThat(caller("bruno").mayRead("alice", ABOVE_ALICE)).isFalse();
    assertThat(caller("tom", "manager").mayRead("alice", ABOVE_ALICE)).isFalse();
    assertThat(caller("admin", "admin").mayRead("alice", Set.of())).isTrue();
  }

  @Test
  void anIntakeAccountReadsNothingEvenUnderAPersonsName() {
    assertThat(caller("alice", "ingest").mayRead("alice", ABOVE_ALICE)).isFalse();
    assertThat(caller("maria", "ingest").mayReadTeam(ABOVE_ALICE)).isFalse();
  }

  @Test
  void workingTimeIsPostedByIntakeAdministratorsOrThePersonThemselves() {
    assertThat(caller("ingest", "ingest").mayPostFor("alice")).isTrue();
    assertThat(caller("admin", "admin").mayPostFor("alice")).isTrue();
    assertThat(caller("alice").mayPostFor("alice")).isTrue();
    assertThat(caller("maria", "manager").mayPostFor("alice")).isFalse();
  }

  @Test
  void nobodyAcknowledgesTheirOwnAlert() {
    assertThat(caller("maria", "manager").mayAcknowledge("alice", ABOVE_ALICE)).isTrue();
    assertThat(caller("alice").mayAcknowledge("alice", ABOVE_ALICE)).isFalse();
    assertThat(caller("alice", "admin").mayAcknowledge("alice", Set.of())).isFalse();
    assertThat(caller("admin", "admin").mayAcknowledge("alice", Set.of())).isTrue();
    assertThat(caller("bruno").mayAcknowledge("alice", ABOVE_ALICE)).isFalse();
    // a team's alert is acknowledged by the managers at or above the team
    assertThat(caller("maria", "manager").mayAcknowledge(null, ABOVE_ALICE)).isTrue();
    assertThat(caller("ingest", "ingest").mayAcknowledge(null, Set.of("ingest"))).isFalse();
  }
}
