package org.promoattribution.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void onATerminalABarRedrawnInPlace() {
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "clicks", 3_000);

        assertThat(bar.render(1_500, 2_000_000_000L))
                .isEqualTo("[###############---------------]  50%  1,500/3,000 clicks  750/s");
        bar.finish(3_000);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r[##############################] 100%")
                .endsWith(System.lineSeparator());
    }

    @Test
    void elsewhereAPlainLine() {
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "clicks", 3_000);

        bar.update(10); // too soon for a line
        bar.finish(3_000);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .singleElement().asString().startsWith("sent 100%  3,000/3,000 clicks");
    }
}
