package org.caravan.network.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caravan.network.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User text files: a BOM is dropped, bad bytes and endless input are one-line errors. */
class TextFilesTest {
  @TempDir Path dir;

  private static String read(Reader r) throws IOException {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = r.read(buf)) > 0; ) {
      b.append(buf, 0, n);
    }
    return b.toString();
  }

  @Test
  void a_byte_order_mark_is_dropped() throws IOException {
    byte[] bytes = "\uFEFFid,name\n".getBytes(StandardCharsets.UTF_8);
    assertThat(read(TextFiles.reader(new ByteArrayInputStream(bytes), "x.csv")))
        .isEqualTo("id,name\n");
  }

  @Test
  void malformed_utf8_names_the_file() {
    byte[] bytes = {'a', (byte) 0xC3, (byte) 0x28};
    assertThatThrownBy(() -> read(TextFiles.reader(new ByteArrayInputStream(bytes), "x.csv")))
        .hasMessage("x.csv is not UTF-8 text (malformed bytes after character 0)");
  }

  @Test
  void endless_input_stops_at_the_limit() {
    InputStream zeros =
        new InputStream() {
          @Override
          public int read() {
            return 'a';
          }
        };
    assertThatThrownBy(() -> read(TextFiles.reader(zeros, "/dev/zero")))
        .hasMessageContaining("larger than 64 Mi");
  }

  @Test
  void a_network_overlay_saved_with_a_bom_reads_like_one_without() throws IOException {
    Path plain = Files.createDirectory(dir.resolve("plain"));
    Path bom = Files.createDirectory(dir.resolve("bom"));
    String nodes = "id,name,aliases,kind,country,lat,lon\nXXTST,Testville,,terminal,KZ,43.0,77.0\n";
    Files.writeString(plain.resolve("nodes.csv"), nodes);
    Files.writeString(bom.resolve("nodes.csv"), "\uFEFF" + nodes);
    NetworkSpec a = NetworkFiles.readDirectory(plain);
    NetworkSpec b = NetworkFiles.readDirectory(bom);
    assertThat(b.nodes()).hasSize(1);
    assertThat(b.withoutOrigins()).isEqualTo(a.withoutOrigins());
  }
}
