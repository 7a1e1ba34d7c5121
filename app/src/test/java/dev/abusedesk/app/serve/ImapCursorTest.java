package dev.abusedesk.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapCursorTest {

  @Test
  void readsBackWhatItWrites() {
    ImapCursor spooled = new ImapCursor(4_294_967_295L, 17, false);
    ImapCursor settled = new ImapCursor(1_795_808_745L, 0, true);

    assertThat(spooled.text()).isEqualTo("4294967295:17:spooled");
    assertThat(ImapCursor.parse(spooled.text())).contains(spooled);
    assertThat(ImapCursor.parse(settled.text())).contains(settled);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1:2", "1:2:done", "a:2:settled", "-1:2:settled", "1:2:settled:x"})
  void ignoresWhatItDidNotWrite(String text) {
    assertThat(ImapCursor.parse(text)).isEqualTo(Optional.empty());
  }
}
