package org.promoattribution.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.promoattribution.json.PipelineJson;

/** What an endpoint answers: a status, a content type and a body. */
record Response(int status, String contentType, byte[] body) {
    static final String JSON = "application/json";

    static Response json(int status, JsonNode body) {
        try {
            return new Response(status, JSON, PipelineJson.mapper().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response error(int status, String message) {
        return json(status, PipelineJson.mapper().valueToTree(Map.of("error", message)));
    }

    static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
