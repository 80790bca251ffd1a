package org.wellbeing.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  @Test
  void aSealedSecretOpensToItselfAndDoesNotContainIt() {
    SecretSeal seal = new SecretSeal(KEY);
    String sealed = seal.seal("s3cret-s3cret-s3cret");
    assertThat(sealed).startsWith("sealed:v1:").doesNotContain("s3cret");
    assertThat(seal.open(sealed)).isEqualTo("s3cret-s3cret-s3cret");
  }

  @Test
  void theSameSecretSealsDifferentlyEachTime() {
    SecretSeal seal = new SecretSeal(KEY);
    assertThat(seal.seal("same-secret-value")).isNotEqualTo(seal.seal("same-secret-value"));
  }

  @Test
  void anotherKeyCannotOpenIt() {
    String sealed = new SecretSeal(KEY).seal("s3cret-s3cret-s3cret");
    assertThatThrownBy(() -> new SecretSeal(OTHER_KEY).open(sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aValueStoredBeforeSealingReadsAsItIs() {
    assertThat(new SecretSeal(KEY).open("legacy-plain-secret")).isEqualTo("legacy-plain-secret");
    assertThat(SecretSeal.isSealed("legacy-plain-secret")).isFalse();
  }

  @Test
  void keysOfTheWrongSizeAreRefused() {
    assertThatThrownBy(() -> new SecretSeal(Base64.getEncoder().encodeToString(new byte[10])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SecretSeal("not base64 !"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
