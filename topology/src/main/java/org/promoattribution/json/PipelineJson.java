package org.promoattribution.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The pipeline's JSON, in its stores (explanations, adjustment histories) and on its HTTP endpoints
 * alike, so that a stored explanation reads the same inside a larger document: instants and durations
 * as ISO-8601 text, and unknown fields ignored so that an older instance reads a newer entry.
 */
public final class PipelineJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PipelineJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
