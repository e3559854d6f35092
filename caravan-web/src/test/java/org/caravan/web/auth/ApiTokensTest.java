package org.caravan.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {
  @Test
  void accepts_exactly_its_tokens_and_names_their_owners() {
    ApiTokens t = ApiTokens.of(List.of("first-token-0123456789", "second-token-0123456789"));
    assertThat(t.webToken()).isEqualTo("first-token-0123456789");
    Owner first = t.authenticate("first-token-0123456789").orElseThrow();
    Owner second = t.authenticate("second-token-0123456789").orElseThrow();
    assertThat(first.sameAs(second)).isFalse();
    assertThat(first.sameAs(Owner.of("first-token-0123456789"))).isTrue();
    assertThat(first.id()).hasSize(32).doesNotContain("first");
    assertThat(t.authenticate("first-token-012345678")).isEmpty();
    assertThat(t.authenticate("first-token-01234567890")).isEmpty();
    assertThat(t.authenticate("")).isEmpty();
  }

  @Test
  void generated_tokens_are_long_random_and_valid() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String t = ApiTokens.newToken();
      assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(ApiTokens.problem(t)).isEmpty();
      seen.add(t);
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void user_tokens_are_checked() {
    assertThat(ApiTokens.problem("short")).get().asString().contains("at least 16");
    assertThat(ApiTokens.problem("x".repeat(513))).get().asString().contains("at most 512");
    assertThat(ApiTokens.problem("has space inside 0123456789")).isPresent();
    assertThat(ApiTokens.problem("nul\u0000inside-0123456789")).isPresent();
    assertThat(ApiTokens.problem("b64+/token.with~all_chars-0123==")).isEmpty();
    assertThatThrownBy(() -> ApiTokens.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiTokens.of(List.of("short")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
