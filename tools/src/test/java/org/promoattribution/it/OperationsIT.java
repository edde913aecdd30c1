package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.it.ServedInstances.awaitOk;
import static org.promoattribution.it.ServedInstances.get;
import static org.promoattribution.it.ServedInstances.getWithoutToken;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.reversal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.cli.PromoAttributionCli;
import org.promoattribution.json.PipelineJson;
import org.promoattribution.ops.PipelineInstance;
import org.promoattribution.schemas.CreditPolicy;
import picocli.CommandLine;

/**
 * One instance on a real broker and registry, operated as people do: codes imported and listed
 * with the CLI, health and metrics read over HTTP, a decision explained on the web page in a
 * headless Chromium. The instance requires an access token for decision data, as in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Path dir;
    private LivePipeline pipeline;
    private PipelineInstance instance;
    private Path clusterConfig;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        pipeline = new LivePipeline(dir.resolve("unused"));
        instance = ServedInstances.start(pipeline, dir.resolve("state"));
        clusterConfig = dir.resolve("cluster.properties");
        Files.writeString(clusterConfig, "bootstrap.servers=" + pipeline.stack.bootstrapServers() + "\n"
                + "schema.registry.url=" + pipeline.stack.schemaRegistryUrl() + "\n");
        awaitOk(instance, "/health/ready");
    }

    @AfterAll
    void stop() {
        try {
            instance.close();
        } finally {
            pipeline.close();
        }
    }

    @Test
    void codesImportLoadsTheFileAndListShowsWhatThePipelineHolds() throws Exception {
        Path csv = Files.writeString(dir.resolve("codes.csv"), """
                promoCodeId,programId,partner,code,credit policy,match type,deal,comments,email,start date-time,end date-time,time zone
                ops-pc-1,ops,blog,OPS10,IF_WINNER,EXACT,d-1,"Post it, with the link",,2026-01-01 00:00,,Europe/Paris
                ops-pc-2,ops,coupons,OPS[0-9]{3},ALWAYS,REGEX,,,,,,
                """);

        StringWriter out = new StringWriter();
        assertThat(cli(out, "codes", "import", "--config", clusterConfig.toString(), csv.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("row 2: ops-pc-1 loaded", "row 3: ops-pc-2 loaded",
                "loaded 2 promo codes to promo-codes");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> instance.app().codes().get("ops-pc-2").isPresent());

        StringWriter listed = new StringWriter();
        assertThat(cli(listed, "codes", "list", "--config", clusterConfig.toString(), "--program", "ops",
                "--time-zone", "Europe/Paris")).isEqualTo(0);
        assertThat(listed.toString().lines()).anyMatch(line -> line.matches(
                "ops-pc-1 +ops +blog +OPS10 +EXACT +IF_WINNER +d-1 +2026-01-01 00:00:00 +live"));
        assertThat(listed.toString()).contains("ops-pc-2").contains("2 promo codes; start and end in Europe/Paris");
    }

    @Test
    void healthAndMetricsEndpointsAnswer() {
        assertThat(get(instance, "/health/live").body()).isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\"}");
        assertThat(get(instance, "/health/ready").body()).isEqualTo("{\"status\":\"UP\",\"state\":\"RUNNING\"}");
        assertThat(get(instance, "/metrics").body())
                .contains("kafka_stream_alive_stream_threads{", "kafka_stream_thread_process_rate{",
                        "jvm_memory_used_bytes{", "attribution_decision_lag_seconds_count");
    }

    @Test
    void decisionDataNeedsTheTokenAndHealthDoesNot() {
        HttpResponse<String> refused = getWithoutToken(instance, "/explain/conversion/anything");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"promo-attribution\"");
        assertThat(getWithoutToken(instance, "/explain/session/anything").statusCode()).isEqualTo(401);
        assertThat(getWithoutToken(instance, "/").statusCode()).isEqualTo(401);
        assertThat(get(instance, "/explain/conversion/anything").statusCode()).isEqualTo(404);

        assertThat(getWithoutToken(instance, "/health/live").statusCode()).isEqualTo(200);
        assertThat(getWithoutToken(instance, "/health/ready").statusCode()).isEqualTo(200);
        assertThat(getWithoutToken(instance, "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void halfSentRequestsDoNotStarveLiveness() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            // Six as in the report that made the JDK server's liveness time out, and many more.
            for (int i = 0; i < 64; i++) {
                Socket socket = new Socket(instance.localUrl().getHost(), instance.localUrl().getPort());
                held.add(socket);
                socket.getOutputStream().write("GET /explain/session/s1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        .getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            long started = System.nanoTime();
            assertThat(getWithoutToken(instance, "/health/live").statusCode()).isEqualTo(200);
            // Kubernetes' default probe timeout is one second.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aSessionsHistoryComesInPages() throws Exception {
        for (int i = 1; i <= 3; i++) {
            pipeline.send(click("paged-c" + i, "paged-s1", "blog", "2026-06-01T10:0" + i + ":00Z"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> get(instance, "/explain/session/paged-s1").body().contains("paged-c3"));

        JsonNode first = PipelineJson.mapper().readTree(get(instance, "/explain/session/paged-s1?limit=2").body());
        assertThat(first.get("clicks").findValuesAsText("clickId")).containsExactly("paged-c1", "paged-c2");
        String cursor = first.get("next").asText();
        JsonNode second = PipelineJson.mapper().readTree(get(instance, "/explain/session/paged-s1?limit=2&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8)).body());
        assertThat(second.get("clicks").findValuesAsText("clickId")).containsExactly("paged-c3");
        assertThat(second.get("next").isNull()).isTrue();

        assertThat(get(instance, "/explain/session/paged-s1?limit=0").statusCode()).isEqualTo(400);
        assertThat(get(instance, "/explain/session/other-s1?cursor=" + cursor).statusCode()).isEqualTo(400);
    }

    @Test
    void theExplainApiShowsAConversionsAdjustmentsAndCurrentAmount() throws Exception {
        pipeline.send(click("adjusted-c1", "adjusted-s1", "blog", "2026-06-01T10:00:00Z"));
        pipeline.send(conversion("adjusted-o1", "adjusted-s1", "2026-06-01T10:05:00Z"));
        JsonNode unadjusted = PipelineJson.mapper().readTree(awaitOk(instance, "/explain/conversion/adjusted-o1").body());
        assertThat(unadjusted.get("currentAmount").asText()).isEqualTo(unadjusted.get("amount").asText());
        assertThat(unadjusted.get("reversed").asBoolean()).isFalse();
        assertThat(unadjusted.get("adjustments")).isEmpty();

        pipeline.send(amountChange("adjusted-a1", "adjusted-o1", "2026-06-05T09:00:00Z", "40"));
        pipeline.send(reversal("adjusted-a2", "adjusted-o1", "2026-06-06T09:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> PipelineJson.mapper()
                .readTree(get(instance, "/explain/conversion/adjusted-o1").body()).get("adjustments").size() == 2);

        JsonNode adjusted = PipelineJson.mapper().readTree(get(instance, "/explain/conversion/adjusted-o1").body());
        assertThat(adjusted.get("amount").asText()).isEqualTo("59.9000"); // the decision's, as decided
        assertThat(new BigDecimal(adjusted.get("currentAmount").asText())).isZero();
        assertThat(adjusted.get("reversed").asBoolean()).isTrue();
        JsonNode change = adjusted.get("adjustments").get(0);
        assertThat(change.get("adjustmentId").asText()).isEqualTo("adjusted-a1");
        assertThat(change.get("kind").asText()).isEqualTo("AMOUNT_CHANGE");
        assertThat(change.get("status").asText()).isEqualTo("APPLIED");
        assertThat(change.get("reason").asText()).isEqualTo("AMOUNT_CHANGED");
        assertThat(change.get("previousAmount").asText()).isEqualTo("59.9000");
        assertThat(new BigDecimal(change.get("amount").asText())).isEqualByComparingTo("40");
        assertThat(change.get("decidedAt").asText()).isNotEmpty();
        assertThat(adjusted.get("adjustments").get(1).get("reason").asText()).isEqualTo("REVERSED");
        assertThat(getWithoutToken(instance, "/explain/standing/adjusted-o1?programId=acme").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theExplainPageSaysWhyInPlainWords() throws Exception {
        assumeChromium();
        pipeline.send(exact("page-pc-1", "PAGE10", "blog", CreditPolicy.IF_WINNER));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> instance.app().codes().get("page-pc-1").isPresent());
        pipeline.send(click("page-c1", "page-s1", "news", "2026-06-01T09:00:00Z"));
        pipeline.send(click("page-c2", "page-s1", "blog", "2026-06-01T10:00:00Z"));
        pipeline.send(conversion("page-o1", "page-s1", "2026-06-01T10:05:00Z", "page10", "EXPIRED"));
        awaitOk(instance, "/explain/conversion/page-o1");
        pipeline.send(amountChange("page-a1", "page-o1", "2026-06-05T09:00:00Z", "40"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> PipelineJson.mapper()
                .readTree(get(instance, "/explain/conversion/page-o1").body()).get("adjustments").size() == 1);

        // The browser answers the page's login challenge with the URL's credentials (the token as password).
        URI page = instance.localUrl().resolve("/?q=page-o1");
        String text = renderedText(new URI(page.getScheme(), "operator:" + ServedInstances.TOKEN, page.getHost(),
                page.getPort(), page.getPath(), page.getQuery(), null).toString());

        assertThat(text).contains("Conversion page-o1",
                "Credited to blog because the code \"page10\" matched promo code page-pc-1 of blog (policy IF_WINNER) "
                        + "and blog has the winning click, the latest in the 30-day referral window "
                        + "(click page-c2 at 2026-06-01T10:00:00Z).",
                "Matching no live promo code of program acme: \"EXPIRED\".",
                "EXPIRED no: it matches no live promo code",
                "page-c2 blog 2026-06-01T10:00:00Z winning click (latest)",
                "page-c1 news 2026-06-01T09:00:00Z",
                "Current amount 40.00 USD.",
                "page-a1 AMOUNT_CHANGE APPLIED AMOUNT_CHANGED 59.90 40.00");
    }

    @Test
    void theOverviewShowsDecisionsTopPartnersLeakingCodesAndDeadLetters() throws Exception {
        assumeChromium();
        pipeline.send(exact("overview-pc-1", "LEAKY10", "overview-blog", CreditPolicy.IF_WINNER));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> instance.app().codes().get("overview-pc-1").isPresent());
        // Ten orders with the code and no click of its partner: leaking (leak.min.uses 10, ratio 0.5).
        for (int i = 0; i < 10; i++) {
            pipeline.send(conversion("overview-o" + i, "overview-s" + i, "2026-06-01T10:05:00Z", "LEAKY10"));
        }
        pipeline.send(click("overview-c1", "overview-t1", "overview-news", "2026-06-01T10:00:00Z"));
        pipeline.send(conversion("overview-o-news", "overview-t1", "2026-06-01T10:05:00Z"));
        pipeline.send("clicks", "overview-bad", new byte[] {1, 2, 3});
        awaitOk(instance, "/explain/conversion/overview-o-news");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode data = PipelineJson.mapper().readTree(get(instance, "/overview/data").body());
            return data.get("codes").toString().contains("\"leaking\":true")
                    && data.get("deadLetters").has("UNDECODABLE");
        });

        URI page = instance.localUrl().resolve("/overview");
        String url = new URI(page.getScheme(), "operator:" + ServedInstances.TOKEN, page.getHost(), page.getPort(),
                page.getPath(), null, null).toString();
        String text = renderedText(url);
        assertThat(text).contains("Decisions per hour (UTC)", "Top partners by credited orders",
                "overview-news", "Promo codes in use", "1 leaking",
                "overview-pc-1 acme overview-blog 2026-06-01 10 0 0 10 LEAKING", "Dead letters", "UNDECODABLE",
                "Commission this month", "No credited order this month on this instance's partitions.");
        assertThat(text).containsPattern("Last 24 hours: \\d+ credited");

        Path screenshot = Path.of("target", "overview-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, "--window-size=1100,1400", url).waitFor(60, TimeUnit.SECONDS);
        assertThat(screenshot).as("the overview's screenshot, kept as a test artifact").isNotEmptyFile();
    }

    private static int cli(StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new PromoAttributionCli());
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    /** The page's result area as text, once headless Chromium has run its script. */
    private String renderedText(String url) throws Exception {
        Process chromium = chromium("--dump-dom", url);
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        int result = dom.indexOf("id=\"result\"");
        assertThat(result).as("the page's result area in " + dom).isNotNegative();
        String area = dom.substring(result, dom.indexOf("<script", result));
        return area.replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replaceAll("\\s+", " ");
    }

    private static void assumeChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "no " + CHROMIUM + ": install Debian's chromium (apt-get install -y chromium) to run this test");
    }

    /** Headless Chromium on a page, given its scripts ten seconds of virtual time. */
    private Process chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--virtual-time-budget=10000"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(args[0].equals("--dump-dom") ? ProcessBuilder.Redirect.PIPE
                        : ProcessBuilder.Redirect.DISCARD).start();
    }
}
