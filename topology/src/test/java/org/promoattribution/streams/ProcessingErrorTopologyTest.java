package org.promoattribution.streams;

import org.promoattribution.deadletter.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryUnavailableException;
import org.promoattribution.testing.AttributionDriver;
import org.promoattribution.deadletter.DeadLetterReason;

/**
 * SPEC "Limits": a record the pipeline fails to process for any other reason goes to the
 * dead-letter topic as PROCESSING_ERROR, with the error, and the partition goes on. Driven
 * through a small topology whose steps fail on cue, run with the pipeline's own settings.
 */
class ProcessingErrorTopologyTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, String> input;
    private final TestOutputTopic<String, String> output;
    private final TestOutputTopic<byte[], byte[]> deadLetters;

    ProcessingErrorTopologyTest() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(ProcessingErrorTopologyTest::failOnCue)
                .to("out", Produced.with(Serdes.String(), Serdes.serdeFrom(new RefusingSerializer(), new StringDeserializer())));
        AttributionConfig config = AttributionConfig.from(new Properties());
        Properties settings = AttributionTopology.settings(config, new AttributionMetrics(meters));
        settings.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/processing-error-test");
        driver = new TopologyTestDriver(builder.build(), settings, AttributionDriver.NOW);
        input = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        output = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
        deadLetters = driver.createOutputTopic(config.topics().deadLetter(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    private static String failOnCue(String value) {
        return switch (value) {
            case "boom" -> throw new IllegalStateException("a bug met " + value);
            case "registry-down" -> throw new SchemaRegistryUnavailableException("registry unreachable", null);
            default -> value;
        };
    }

    /** Refuses to write one value, as a serializer refuses a record it cannot encode. */
    private static final class RefusingSerializer implements Serializer<String> {
        @Override
        public byte[] serialize(String topic, String value) {
            if (value.equals("unwritable")) {
                throw new SerializationException("cannot encode " + value);
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aRecordWhoseProcessingThrowsIsDeadLetteredAsReceivedAndThePartitionGoesOn() {
        input.pipeInput(new TestRecord<>("k1", "boom", new RecordHeaders().add("trace", new byte[] {7})));
        input.pipeInput("k2", "fine");

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        TestRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("boom");
        assertThat(AttributionDriver.reason(letter)).isEqualTo("PROCESSING_ERROR");
        assertThat(AttributionDriver.header(letter, DeadLetterHeaders.ERROR))
                .contains("IllegalStateException", "a bug met boom");
        assertThat(AttributionDriver.header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("in");
        assertThat(AttributionDriver.header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(letter.headers().lastHeader("trace").value()).containsExactly(7);
        assertThat(output.readValuesToList()).containsExactly("fine");
        assertThat(meters.counter("attribution.dead.letters", "topic", "in", "reason", "PROCESSING_ERROR").count())
                .isEqualTo(1.0);
    }

    @Test
    void anOutputThatCannotBeSerializedSendsItsSourceRecordToTheDeadLetterTopic() {
        input.pipeInput("k1", "unwritable");
        input.pipeInput("k2", "fine");

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("unwritable");
        assertThat(AttributionDriver.reason(dead.get(0))).isEqualTo("PROCESSING_ERROR");
        assertThat(AttributionDriver.header(dead.get(0), DeadLetterHeaders.ERROR)).contains("cannot encode");
        assertThat(output.readValuesToList()).containsExactly("fine");
    }

    @Test
    void aRegistryThatCannotBeReachedIsNotTheRecordsFault_itIsRetriedNotDeadLettered() {
        assertThatThrownBy(() -> input.pipeInput("k1", "registry-down"))
                .hasRootCauseInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void anErrorMessageIsCutSoTheDeadLetterStaysWritable() {
        byte[] error = DeadLetterHeaders.of(null, DeadLetterReason.PROCESSING_ERROR, "x".repeat(1_000_000), "in", 0, 0)
                .lastHeader(DeadLetterHeaders.ERROR).value();
        assertThat(error.length).isBetween(DeadLetterHeaders.MAX_ERROR_CHARS, DeadLetterHeaders.MAX_ERROR_CHARS + 50);
    }
}
