package org.promoattribution.explain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Explanations as JSON, in the store and on the explain endpoints alike: instants and durations
 * as ISO-8601 text, and unknown fields ignored so that an older instance reads a newer entry.
 */
public final class ExplanationJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ExplanationJson() {
    }

    /** The mapper behind this format, for writing explanations inside larger JSON documents. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Explanation explanation) {
        try {
            return MAPPER.writeValueAsBytes(explanation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Explanation decode(byte[] json) {
        try {
            return MAPPER.readValue(json, Explanation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
