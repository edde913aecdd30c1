package org.promoattribution.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.HttpAuthSettings;
import org.promoattribution.config.HttpSettings;

/**
 * The HTTP server and its endpoints that need no running pipeline: metrics, health, the page, errors,
 * and the limits that keep health checks answering whatever other clients do.
 */
class OpsServerTest {
    private static final int THREADS = 16;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Health> health = new AtomicReference<>(
            new Health(State.REBALANCING, null, "Kafka Streams is REBALANCING", null));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Socket> held = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowRunning = new AtomicInteger();
    private OpsServer server;

    private void start(Duration idleTimeout) throws IOException {
        server = OpsServer.bind(new HttpSettings("127.0.0.1", 0, null, idleTimeout, THREADS,
                new HttpAuthSettings(null, null, false)), Optional.empty());
        server.route("/", new PageEndpoint(java.util.List.of(), "index.html"), OpsServer.Access.TOKEN);
        server.route("/metrics", new MetricsEndpoint(meters), OpsServer.Access.OPEN);
        server.probe("/health/", new HealthEndpoint(health::get));
        server.route("/echo/", request -> Response.text(200, "text/plain", request.path() + " " + request.query()),
                OpsServer.Access.TOKEN);
        // An explain request waiting on a peer that does not answer.
        server.route("/slow/", request -> {
            slowRunning.incrementAndGet();
            release.await(30, TimeUnit.SECONDS);
            return Response.text(200, "text/plain", "done");
        }, OpsServer.Access.TOKEN);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        for (Socket socket : held) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
        meters.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.localUrl().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A connection that sent {@code text} and waits. */
    private Socket send(String text) throws IOException {
        Socket socket = new Socket(server.localUrl().getHost(), server.port());
        held.add(socket);
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    /** What the server wrote on the connection until it closed it (or {@code wait} passed: then null). */
    private static String readUntilClosed(Socket socket, Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream in = socket.getInputStream()) {
            in.transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    @Test
    void metricsAreInThePrometheusTextFormat() throws Exception {
        start(Duration.ofSeconds(10));
        meters.counter("attribution.decisions", "outcome", "CREDITED", "reason", "LAST_CLICK").increment();

        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("attribution_decisions_total{outcome=\"CREDITED\",reason=\"LAST_CLICK\"} 1");
    }

    @Test
    void readyOnlyWhenRunningAndLiveUntilFailed() throws Exception {
        start(Duration.ofSeconds(10));
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/ready").body())
                .isEqualTo("{\"status\":\"DOWN\",\"state\":\"REBALANCING\",\"reason\":\"Kafka Streams is REBALANCING\"}");
        assertThat(get("/health/live").body()).isEqualTo("{\"status\":\"UP\",\"state\":\"REBALANCING\"}");

        health.set(new Health(State.RUNNING, null, null, null));
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);

        health.set(new Health(State.ERROR, "Kafka Streams is ERROR", "Kafka Streams is ERROR", null));
        assertThat(get("/health/live").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").body())
                .isEqualTo("{\"status\":\"DOWN\",\"state\":\"ERROR\",\"reason\":\"Kafka Streams is ERROR\"}");
    }

    @Test
    void servesThePageAtTheRootOnly() throws Exception {
        start(Duration.ofSeconds(10));
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>promo-attribution: explain a decision</title>");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/nothing-here").body()).startsWith("{\"error\":");
    }

    @Test
    void decodesEachPathSegmentOnItsOwn() throws Exception {
        start(Duration.ofSeconds(10));
        assertThat(get("/echo/a%2Fb/c+d%20e?programId=x+y&local=true").body())
                .startsWith("[echo, a/b, c+d e] ").contains("programId=x y").contains("local=true");
    }

    @Test
    void answersOnlyGet() throws Exception {
        start(Duration.ofSeconds(10));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.localUrl().resolve("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void halfSentRequestsDoNotStarveLiveness() throws Exception {
        start(Duration.ofSeconds(10));
        assertThat(get("/health/live").statusCode()).as("warmed up").isEqualTo(200);
        // Six as in the report that made the JDK server's liveness time out, and many more.
        for (int i = 0; i < 6 * THREADS; i++) {
            send("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow");
        }

        long started = System.nanoTime();
        HttpResponse<String> live = get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        // Kubernetes' default probe timeout is one second.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void requestsWaitingOnPeersDoNotStarveLiveness() throws Exception {
        start(Duration.ofSeconds(10));
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 2 * THREADS; i++) {
            waiting.add(client.sendAsync(HttpRequest.newBuilder(server.localUrl().resolve("/slow/" + i)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> slowRunning.get() == THREADS / 4);

        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(slowRunning.get()).as("requests of the limited routes running at once").isEqualTo(THREADS / 4);

        release.countDown();
        for (CompletableFuture<HttpResponse<String>> response : waiting) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aConnectionIdleMidRequestIsClosedAfterTheIdleTimeout() throws Exception {
        start(Duration.ofMillis(500));
        Socket socket = send("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n");

        long started = System.nanoTime();
        assertThat(readUntilClosed(socket, Duration.ofSeconds(5))).as("closed by the server").isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void oversizedHeadersAreRefused() throws Exception {
        start(Duration.ofSeconds(10));
        Socket socket = send("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "x".repeat(OpsServer.MAX_HEADER_BYTES) + "\r\n\r\n");

        assertThat(readUntilClosed(socket, Duration.ofSeconds(5))).startsWith("HTTP/1.1 431 ");
    }

    @Test
    void requestBodiesAreRefused() throws Exception {
        start(Duration.ofSeconds(10));
        Socket socket = send("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                + "Connection: close\r\n\r\nhello");

        assertThat(readUntilClosed(socket, Duration.ofSeconds(5))).startsWith("HTTP/1.1 413 ");
    }
}
