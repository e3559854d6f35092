package org.caravan.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One table declaration, rendered as Markdown and as fixed-width text. */
class TableTest {
  private record Row(String name, double days) {}

  private static final Table<Row> TABLE =
      new Table<Row>()
          .column("Name", Row::name)
          .column("Days", r -> String.format("%.1f", r.days()));

  @Test
  void markdown_is_a_pipe_table_with_one_rule() {
    assertThat(TABLE.markdown(List.of(new Row("a", 1.25), new Row("b c", 10))))
        .isEqualTo("| Name | Days |\n|---|---|\n| a | 1.3 |\n| b c | 10.0 |\n");
  }

  @Test
  void text_uses_one_layout_for_the_header_and_every_row() {
    assertThat(TABLE.text("%-4s %6s%n", List.of(new Row("a", 1.25), new Row("long-name", 3))))
        .isEqualTo(String.format("Name   Days%n" + "a       1.3%n" + "long-name    3.0%n"));
  }

  @Test
  void no_rows_is_the_header_alone() {
    assertThat(TABLE.markdown(List.of())).isEqualTo("| Name | Days |\n|---|---|\n");
    assertThat(TABLE.text("%s|%s%n", List.of())).isEqualTo(String.format("Name|Days%n"));
  }
}
