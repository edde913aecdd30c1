package org.promoattribution.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.config.HttpAuthSettings;
import org.promoattribution.config.HttpSettings;

/** Credentials for decision data, on a running server: who gets the explain API, page and metrics. */
class AccessTokenTest {
    private static final String TOKEN = "s3cret-token-0123456789";
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient client = HttpClient.newHttpClient();
    private OpsServer server;

    @TempDir
    Path dir;

    private static HttpSettings settings(String host, HttpAuthSettings auth) {
        return new HttpSettings(host, 0, null, Duration.ofSeconds(10), 16, auth);
    }

    /** A server on loopback with the routes of a PipelineInstance and a stand-in explain endpoint. */
    private void start(HttpAuthSettings auth) throws Exception {
        HttpSettings http = settings("127.0.0.1", auth);
        server = OpsServer.bind(http, AccessToken.of(http));
        server.route("/", new PageEndpoint(java.util.List.of(), "index.html"), OpsServer.Access.TOKEN);
        server.route("/metrics", new MetricsEndpoint(meters),
                auth.metrics() ? OpsServer.Access.TOKEN : OpsServer.Access.OPEN);
        server.probe("/health/", new HealthEndpoint(() -> new Health(State.RUNNING, null, null, null)));
        server.route("/explain/", request -> Response.text(200, "application/json", "{\"partnerId\":\"blog\"}"),
                OpsServer.Access.TOKEN);
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        meters.close();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.localUrl().resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decisionDataNeedsTheToken() throws Exception {
        start(new HttpAuthSettings(TOKEN, null, false));

        for (String path : new String[] {"/", "/explain/conversion/o1", "/explain/session/s1"}) {
            HttpResponse<String> refused = get(path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().allValues("WWW-Authenticate")).as(path)
                    .contains("Bearer realm=\"promo-attribution\"");
            assertThat(refused.body()).doesNotContain("blog");
            assertThat(get(path, "Bearer wrong-token").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "Bearer " + TOKEN.substring(1)).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, TOKEN).statusCode()).as(path + " without a scheme").isEqualTo(401);
            assertThat(get(path, "Bearer " + TOKEN).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/explain/conversion/o1", "Bearer " + TOKEN).body()).isEqualTo("{\"partnerId\":\"blog\"}");
    }

    @Test
    void browsersLogInWithTheTokenAsBasicPassword() throws Exception {
        start(new HttpAuthSettings(TOKEN, null, false));

        assertThat(get("/", null).headers().allValues("WWW-Authenticate"))
                .anyMatch(challenge -> challenge.startsWith("Basic realm=\"promo-attribution\""));
        assertThat(get("/", basic("anyone", TOKEN)).statusCode()).isEqualTo(200);
        assertThat(get("/", basic("anyone", "guess")).statusCode()).isEqualTo(401);
        assertThat(get("/", "Basic not-base64!").statusCode()).isEqualTo(401);
    }

    @Test
    void healthStaysOpenForProbes() throws Exception {
        start(new HttpAuthSettings(TOKEN, null, true));

        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreOpenUnlessProtected() throws Exception {
        start(new HttpAuthSettings(TOKEN, null, false));
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
        server.close();

        start(new HttpAuthSettings(TOKEN, null, true));
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenMayComeFromAFileSuchAsAMountedSecret() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        start(new HttpAuthSettings(null, file, false));

        assertThat(get("/explain/conversion/o1", null).statusCode()).isEqualTo(401);
        assertThat(get("/explain/conversion/o1", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void onLoopbackWithoutATokenEverythingIsOpen() throws Exception {
        start(new HttpAuthSettings(null, null, true));

        assertThat(get("/explain/conversion/o1", null).statusCode()).isEqualTo(200);
        assertThat(get("/", null).statusCode()).isEqualTo(200);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
    }

    @Test
    void listeningBeyondLoopbackWithoutATokenFailsAtStart() throws Exception {
        HttpAuthSettings none = new HttpAuthSettings(null, null, false);
        for (String host : new String[] {"0.0.0.0", "::"}) {
            assertThatThrownBy(() -> AccessToken.of(settings(host, none))).hasMessage("http.host=" + host
                    + " serves decision data beyond this machine: set http.auth.token.file (a file holding the token)"
                    + " or http.auth.token, or listen on loopback only (http.host=127.0.0.1)");
        }
        for (String host : new String[] {"127.0.0.1", "localhost", "::1"}) {
            assertThat(AccessToken.of(settings(host, none))).as(host).isEmpty();
        }
        assertThat(AccessToken.of(settings("0.0.0.0", new HttpAuthSettings(TOKEN, null, false)))).isPresent();
    }

    @Test
    void aMissingEmptyOrAmbiguousTokenSettingFailsWithoutShowingIt() throws Exception {
        Path missing = dir.resolve("absent");
        assertThatThrownBy(() -> AccessToken.of(settings("0.0.0.0", new HttpAuthSettings(null, missing, false))))
                .hasMessageStartingWith("http.auth.token.file: cannot read " + missing);
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> AccessToken.of(settings("0.0.0.0", new HttpAuthSettings(null, empty, false))))
                .hasMessage("http.auth.token.file: " + empty + " is empty");
        Path file = Files.writeString(dir.resolve("token"), TOKEN);
        assertThatThrownBy(() -> AccessToken.of(settings("0.0.0.0", new HttpAuthSettings(TOKEN, file, false))))
                .hasMessage("set one of http.auth.token and http.auth.token.file, not both")
                .hasMessageNotContaining(TOKEN);
        assertThat(AccessToken.of(settings("0.0.0.0", new HttpAuthSettings(null, file, false))).orElseThrow())
                .hasToString("AccessToken(hidden)");
    }

    /**
     * A plain comparison stops at the first differing character, so its time tells an attacker how much
     * of a guess is right. With a long token the difference is large: a guess wrong in its first character
     * and one wrong in its last must take the same time.
     */
    @Test
    void theComparisonTakesAsLongWhereverTheGuessIsWrong() throws Exception {
        char[] chars = new char[1 << 20];
        Arrays.fill(chars, 'a');
        String token = new String(chars);
        AccessToken access = AccessToken.of(settings("127.0.0.1", new HttpAuthSettings(token, null, false)))
                .orElseThrow();
        String wrongFirst = "Bearer b" + token.substring(1);
        String wrongLast = "Bearer " + token.substring(1) + "b";

        long[] first = new long[41];
        long[] last = new long[41];
        for (int i = 0; i < first.length; i++) {
            first[i] = timeOf(access, wrongFirst);
            last[i] = timeOf(access, wrongLast);
        }
        // The fastest of each, not the median: other work on a shared machine only ever adds time.
        double ratio = (double) Arrays.stream(first).min().orElseThrow() / Arrays.stream(last).min().orElseThrow();
        assertThat(ratio).as("fastest time wrong at the first character / wrong at the last").isBetween(0.5, 2.0);
    }

    private static long timeOf(AccessToken access, String header) {
        long started = System.nanoTime();
        assertThat(access.admits(header)).isFalse();
        return System.nanoTime() - started;
    }
}
