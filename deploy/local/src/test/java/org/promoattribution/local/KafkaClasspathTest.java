package org.promoattribution.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaClasspathTest {

    @Test
    void isThisJvmsClassPathMadeAbsoluteAndHoldsTheBroker() {
        List<String> entries = KafkaClasspath.entries();

        assertThat(entries).allSatisfy(e -> assertThat(Path.of(e)).isAbsolute());
        assertThat(entries).anySatisfy(e -> assertThat(e).contains("kafka_2.13"));
    }
}
