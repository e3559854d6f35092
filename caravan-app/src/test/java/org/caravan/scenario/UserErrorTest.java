package org.caravan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A user error's message stays one line whatever value it echoes (found by the fuzz profile). */
class UserErrorTest {
  @Test
  void echoed_line_breaks_and_control_characters_are_escaped() {
    UserError e =
        new UserError("name", ErrorCode.INVALID_VALUE, "got 'default-2024\nWestbound\r\u0007x'");
    assertThat(e.message()).isEqualTo("got 'default-2024\\nWestbound\\r?x'").doesNotContain("\n");
  }

  @Test
  void placeholders_still_name_fields_in_each_front_end_s_words() {
    UserError e = new UserError("un_class", ErrorCode.INVALID_VALUE, "{un_class} must be 1-9");
    assertThat(e.message(f -> "--" + f.replace('_', '-'))).isEqualTo("--un-class must be 1-9");
  }
}
