package org.promoattribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.HttpSettings;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/**
 * Instances of a live pipeline's application with their HTTP endpoints, in this JVM, each on a free port,
 * requiring the access token as in production (so instances asking each other present it too).
 */
final class ServedInstances {
    static final String TOKEN = "it-token-" + UUID.randomUUID();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServedInstances() {
    }

    static PipelineInstance start(LivePipeline pipeline, Path stateDir) throws IOException {
        return startWith(pipeline, stateDir, pipeline.registry);
    }

    /** With a registry client of the test's own (one that fails on demand). */
    static PipelineInstance startWith(LivePipeline pipeline, Path stateDir, SchemaRegistryClient registry)
            throws IOException {
        Properties settings = new Properties();
        settings.putAll(pipeline.settings);
        settings.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.setProperty(HttpSettings.HOST, "127.0.0.1");
        settings.setProperty(HttpSettings.PORT, "0");
        settings.setProperty(HttpSettings.AUTH_TOKEN, TOKEN);
        return PipelineInstance.start(AttributionConfig.from(settings), registry);
    }

    /** A GET with the access token. */
    static HttpResponse<String> get(PipelineInstance instance, String path) {
        return send(HttpRequest.newBuilder(instance.localUrl().resolve(path)).header("Authorization", "Bearer " + TOKEN));
    }

    /** A GET without credentials. */
    static HttpResponse<String> getWithoutToken(PipelineInstance instance, String path) {
        return send(HttpRequest.newBuilder(instance.localUrl().resolve(path)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a GET of {@code path} answers 200, and returns that answer. */
    static HttpResponse<String> awaitOk(PipelineInstance instance, String path) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(instance, path), response -> response.statusCode() == 200);
    }
}
