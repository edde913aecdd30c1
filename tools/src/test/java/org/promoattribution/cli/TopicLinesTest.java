package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.simulate.RejectedEventException;
import org.promoattribution.simulate.SimEvent;

/** produce's input: simulate's lines, whose type the topic may supply. */
class TopicLinesTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aLineWithoutTypeIsOfTheTopicsKind() {
        SimEvent event = new TopicLines(mapper, InputTopic.CLICKS).parse("{\"clickId\":\"c1\",\"programId\":\"acme\","
                + "\"sessionId\":\"s1\",\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T10:00:00Z\"}");

        assertThat(event.kind()).isEqualTo(SimEvent.Kind.CLICK);
        assertThat(event.key()).isEqualTo("s1");
        assertThat(((Click) event.value()).getPartnerId()).isEqualTo("blog");
    }

    @Test
    void aConversionWithoutSessionIsKeyedByItsId() {
        SimEvent event = new TopicLines(mapper, InputTopic.CONVERSIONS).parse(
                "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\",\"timestamp\":\"2026-06-01T10:05:00Z\"}");

        assertThat(event.key()).isEqualTo("o1");
        assertThat(((Conversion) event.value()).getSessionId()).isNull();
    }

    @Test
    void deleteTrueOrTheDeleteTypeMakesATombstone() {
        TopicLines lines = new TopicLines(mapper, InputTopic.PROMO_CODES);

        assertThat(lines.parse("{\"promoCodeId\":\"pc-1\",\"delete\":true}"))
                .isEqualTo(new SimEvent(SimEvent.Kind.PROMO_CODE, "pc-1", null));
        assertThat(lines.parse("{\"type\":\"promo_code_delete\",\"promoCodeId\":\"pc-1\"}"))
                .isEqualTo(new SimEvent(SimEvent.Kind.PROMO_CODE, "pc-1", null));
        assertThat(lines.parse("{\"promoCodeId\":\"pc-1\",\"programId\":\"acme\",\"code\":\"X\",\"matchType\":\"EXACT\","
                + "\"partnerId\":\"blog\",\"creditPolicy\":\"ALWAYS\"}").value()).isNotNull();
    }

    @Test
    void anEventOfAnotherTopicIsRejected() {
        assertThatThrownBy(() -> new TopicLines(mapper, InputTopic.CONVERSIONS).parse("{\"type\":\"click\","
                + "\"clickId\":\"c1\",\"programId\":\"acme\",\"sessionId\":\"s1\",\"partnerId\":\"blog\","
                + "\"timestamp\":\"2026-06-01T10:00:00Z\"}"))
                .isInstanceOf(RejectedEventException.class)
                .hasMessage("UNDECODABLE: a click event does not belong on the conversions topic");
    }

    @Test
    void whatSimulateRejectsIsRejectedWithItsReason() {
        TopicLines lines = new TopicLines(mapper, InputTopic.PROMO_CODES);

        assertThatThrownBy(() -> lines.parse("not json")).hasMessageStartingWith("UNDECODABLE: not JSON");
        assertThatThrownBy(() -> lines.parse("{\"promoCodeId\":\"pc-1\",\"matchType\":\"FUZZY\",\"creditPolicy\":\"ALWAYS\"}"))
                .hasMessage("UNKNOWN_ENUM: unknown matchType FUZZY");
    }
}
