package org.wellbeing.common.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewerTest {

  private static final Set<String> MANAGERS = Set.of("maria", "cto");

  @Test
  void aPersonSeesTheirOwnDataAndTheirManagersSeeItToo() {
    assertThat(new Viewer("alice", false, false).maySee("alice", MANAGERS)).isTrue();
    assertThat(new Viewer("maria", false, false).maySee("alice", MANAGERS)).isTrue();
    assertThat(new Viewer("cto", false, false).maySee("alice", MANAGERS)).isTrue();
  }

  @Test
  void colleaguesAndAnonymousCallersDoNot() {
    assertThat(new Viewer("bob", false, false).maySee("alice", MANAGERS)).isFalse();
    assertThat(new Viewer(null, false, false).maySee("alice", MANAGERS)).isFalse();
    assertThat(new Viewer("bob", false, false).maySeeTeam(MANAGERS)).isFalse();
  }

  @Test
  void administratorsAndAnUnrestrictedServiceSeeEverything() {
    assertThat(new Viewer("root", true, false).maySee("alice", MANAGERS)).isTrue();
    assertThat(new Viewer(null, false, true).maySee("alice", MANAGERS)).isTrue();
    assertThat(new Viewer("maria", false, false).maySeeTeam(MANAGERS)).isTrue();
  }
}
