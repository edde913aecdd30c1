package org.promoattribution.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP server and its endpoints that need no running pipeline: metrics, health, the page, errors. */
class OpsServerTest {
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Health> health = new AtomicReference<>(
            new Health(State.REBALANCING, null, "Kafka Streams is REBALANCING"));
    private final HttpClient client = HttpClient.newHttpClient();
    private OpsServer server;

    @BeforeEach
    void start() throws Exception {
        server = OpsServer.bind("127.0.0.1", 0);
        server.route("/", new PageEndpoint());
        server.route("/metrics", new MetricsEndpoint(meters));
        server.route("/health/", new HealthEndpoint(health::get));
        server.route("/echo/", request -> Response.text(200, "text/plain", request.path() + " " + request.query()));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        meters.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.localUrl().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreInThePrometheusTextFormat() throws Exception {
        meters.counter("attribution.decisions", "outcome", "CREDITED", "reason", "LAST_CLICK").increment();

        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("attribution_decisions_total{outcome=\"CREDITED\",reason=\"LAST_CLICK\"} 1");
    }

    @Test
    void readyOnlyWhenRunningAndLiveUntilFailed() throws Exception {
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/ready").body())
                .isEqualTo("{\"status\":\"DOWN\",\"state\":\"REBALANCING\",\"reason\":\"Kafka Streams is REBALANCING\"}");
        assertThat(get("/health/live").body()).isEqualTo("{\"status\":\"UP\",\"state\":\"REBALANCING\"}");

        health.set(new Health(State.RUNNING, null, null));
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);

        health.set(new Health(State.ERROR, "Kafka Streams is ERROR", "Kafka Streams is ERROR"));
        assertThat(get("/health/live").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").body())
                .isEqualTo("{\"status\":\"DOWN\",\"state\":\"ERROR\",\"reason\":\"Kafka Streams is ERROR\"}");
    }

    @Test
    void servesThePageAtTheRootOnly() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>promo-attribution: explain a decision</title>");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/nothing-here").body()).startsWith("{\"error\":");
    }

    @Test
    void decodesEachPathSegmentOnItsOwn() throws Exception {
        assertThat(get("/echo/a%2Fb/c+d%20e?programId=x+y&local=true").body())
                .startsWith("[echo, a/b, c+d e] ").contains("programId=x y").contains("local=true");
    }

    @Test
    void answersOnlyGet() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.localUrl().resolve("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }
}
