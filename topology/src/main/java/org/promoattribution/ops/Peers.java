package org.promoattribution.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.promoattribution.json.PipelineJson;

/** Asks the other instances of the application, at their application.server, for their local answer. */
final class Peers {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Optional<AccessToken> token;

    /** With the application's shared token, which the other instances require as this one does. */
    Peers(Optional<AccessToken> token) {
        this.token = token;
    }

    /** A peer's status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    CompletableFuture<Answer> get(HostInfo peer, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery)).timeout(TIMEOUT).GET();
        token.ifPresent(t -> request.header("Authorization", t.authorization()));
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Answer(response.statusCode(), json(response.body())));
    }

    /** One path segment, encoded for a URL. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode json(byte[] body) {
        try {
            return PipelineJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
