package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.amountChange;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;
import static org.promoattribution.testing.Fixtures.exact;
import static org.promoattribution.testing.Fixtures.reversal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.cli.PromoAttributionCli;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.LineItem;
import picocli.CommandLine;

/**
 * Commission on a real broker and registry, as an affiliate manager works it: terms imported from
 * a sheet and listed, orders with items credited, a refund and an amount change, then the
 * payouts read from the topics, and a what-if over the same period that writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommissionIT {
    private static final String TERMS = """
            Terms ID,Program,Partner,Rate %,Flat,Code rates,Category rates,Referral window
            t-default,acme,,5,,,,
            t-blog,acme,blog,10,"0,50",pc-1=8%+1.00,shoes=20,45 days
            """;
    private static final String NOW = "2026-08-10T00:00:00Z";

    private final ObjectMapper mapper = new ObjectMapper();
    private Path dir;
    private LivePipeline pipeline;
    private Path clusterConfig;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        pipeline = new LivePipeline(dir.resolve("state"));
        clusterConfig = dir.resolve("cluster.properties");
        Files.writeString(clusterConfig, "bootstrap.servers=" + pipeline.stack.bootstrapServers() + "\n"
                + "schema.registry.url=" + pipeline.stack.schemaRegistryUrl() + "\n");
    }

    @AfterAll
    void stop() {
        pipeline.close();
    }

    @Test
    void fromTermsToPayoutsAndAWhatIfThatWritesNothing() throws Exception {
        Path sheet = Files.writeString(dir.resolve("terms.csv"), TERMS);
        Path bad = Files.writeString(dir.resolve("bad.csv"), TERMS + "t-news,acme,news,120,,,,\n");

        Run badRun = cli("terms", "import", "--config", clusterConfig.toString(), bad.toString());
        assertThat(badRun.exitCode()).isEqualTo(1);
        assertThat(badRun.out()).contains("row 4: error: INVALID_TERMS: ");
        assertThat(badRun.err()).contains("nothing loaded: 1 of 3 rows have errors");
        Run dryRun = cli("terms", "import", "--dry-run", sheet.toString());
        assertThat(dryRun.exitCode()).isEqualTo(0);
        assertThat(dryRun.out()).contains("row 2: t-default valid", "row 3: t-blog valid",
                "all 2 rows are valid; nothing loaded (--dry-run)");
        assertThat(cli("terms", "list", "--config", clusterConfig.toString()).out()).isEqualTo("no commission terms\n");

        Run imported = cli("terms", "import", "--config", clusterConfig.toString(), sheet.toString());
        assertThat(imported.exitCode()).isEqualTo(0);
        assertThat(imported.out()).contains("loaded 2 commission terms to commission-terms");
        Run listed = cli("terms", "list", "--config", clusterConfig.toString(), "--program", "acme");
        assertThat(listed.out().lines()).anyMatch(line -> line.matches(
                "t-blog +acme +blog +P45D +10 +0\\.5 +pc-1=8%\\+1 +shoes=20% +live"));
        assertThat(listed.out().lines()).anyMatch(line -> line.matches("t-default +acme +\\(default\\) +5 +0 +live"));

        // The terms and the code are on their topics before the pipeline starts: it reads them first (rule 9).
        pipeline.send(exact("pc-1", "BLOG8", "blog", CreditPolicy.IF_WINNER));
        pipeline.startApp();
        pipeline.send(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"));
        pipeline.send(withItems(conversion("o1", "s1", "2026-06-01T10:05:00Z", "BLOG8"), "59.90",
                item("shoes", 2, "20.00"), item("bags", 1, "19.90")));
        pipeline.send(click("c2", "s2", "blog", "2026-06-02T10:00:00Z"));
        pipeline.send(withItems(conversion("o2", "s2", "2026-06-02T10:05:00Z"), "100",
                item("shoes", 1, "60"), item("hats", 1, "40")));
        pipeline.send(click("c3", "s3", "news", "2026-06-03T10:00:00Z"));
        pipeline.send(conversion("o3", "s3", "2026-06-03T10:05:00Z"));
        pipeline.send(click("c4", "s4", "news", "2026-07-01T10:00:00Z"));
        pipeline.send(conversion("o4", "s4", "2026-07-01T10:05:00Z"));
        pipeline.decisionsOnceDecided("o1", "o2", "o3", "o4");
        pipeline.send(amountChange("a1", "o2", "2026-06-05T09:00:00Z", "50"));
        pipeline.send(reversal("a2", "o3", "2026-06-06T09:00:00Z"));
        pipeline.readCommitted(records -> records.size() >= 2, pipeline.topics().adjusted());

        // o1: the code rate on every item, 59.90 x 8% + 1.00; o2: shoes at 20%, hats at 10%, + 0.50, then halved
        // as (16.50 - 0.50) x 50 / 100 + 0.50; o3: the default 5%, then refunded; o4: the default, in July.
        Run json = cli("payouts", "--config", clusterConfig.toString(), "--json", "--now", NOW);
        assertThat(json.exitCode()).isEqualTo(0);
        List<JsonNode> lines = json.out().lines().map(this::json).toList();
        assertThat(lines).hasSize(3);
        assertLine(lines.get(0), "blog", "2026-06", 2, "109.90", "14.292", 0, "14.292");
        assertLine(lines.get(1), "news", "2026-06", 1, "0", "0", 1, "0");
        assertLine(lines.get(2), "news", "2026-07", 1, "59.90", "2.995", 0, "0"); // o4 locks on 2026-08-30

        Run table = cli("payouts", "--config", clusterConfig.toString(), "--now", NOW, "--partner", "news");
        assertThat(table.out().lines()).containsExactly(
                "PROGRAM  PARTNER  MONTH    CREDITED  REVERSED  AMOUNT  COMMISSION  PENDING  LOCKED",
                "acme     news     2026-06  1         1         0.00    0.00        0.00     0.00",
                "acme     news     2026-07  1         0         59.90   2.995       2.995    0.00",
                "2 rows; months of the orders' event time, UTC; locked: older than the program's lock period");
        assertThat(cli("payouts", "--config", clusterConfig.toString(), "--now", NOW, "--csv", "--month", "2026-07")
                .out()).isEqualTo("program,partner,month,credited,reversed,amount,commission,pending,locked\r\n"
                + "acme,news,2026-07,1,0,59.90,2.995,2.995,0.00\r\n");

        // What if blog had 12% on everything, without its code rate?
        pipeline.stopApp();
        Path newTerms = Files.writeString(dir.resolve("new-terms.jsonl"), "{\"type\":\"commission_terms\","
                + "\"termsId\":\"t-blog\",\"programId\":\"acme\",\"partnerId\":\"blog\",\"rate\":\"12\"}\n");
        Map<TopicPartition, Long> before = endOffsets();
        Run whatIf = cli("payouts", "what-if", "--config", clusterConfig.toString(), "--terms", newTerms.toString(),
                "--from", "2026-06-01T00:00:00Z", "--to", "2026-08-01T00:00:00Z");
        assertThat(whatIf.exitCode()).as(whatIf.err()).isEqualTo(0);
        // blog: 59.90 x 12% = 7.188, and 100 x 12% halved = 6.00
        assertThat(whatIf.out().lines()).contains(
                "PROGRAM  PARTNER  CREDITED  COMMISSION NOW  UNDER NEW TERMS  DIFFERENCE",
                "acme     blog     2         14.292          13.188           -1.104",
                "acme     news     2         2.995           2.995            0.00",
                "TOTAL             4         17.287          16.183           -1.104");
        assertThat(endOffsets()).as("the what-if wrote to no topic").isEqualTo(before);
    }

    private static Conversion withItems(Conversion conversion, String amount, LineItem... items) {
        return Conversion.newBuilder(conversion).setAmount(new BigDecimal(amount).setScale(4))
                .setItems(List.of(items)).build();
    }

    private static LineItem item(String category, int quantity, String unitPrice) {
        return LineItem.newBuilder().setSku(category + "-sku").setCategory(category).setQuantity(quantity)
                .setUnitPrice(new BigDecimal(unitPrice).setScale(4)).build();
    }

    private static void assertLine(JsonNode line, String partner, String month, long credited, String amount,
                                   String commission, long reversed, String locked) {
        assertThat(line.get("type").asText()).isEqualTo("payout");
        assertThat(line.get("programId").asText()).isEqualTo("acme");
        assertThat(line.get("partnerId").asText()).isEqualTo(partner);
        assertThat(line.get("month").asText()).isEqualTo(month);
        assertThat(line.get("credited").asLong()).isEqualTo(credited);
        assertThat(new BigDecimal(line.get("amount").asText())).isEqualByComparingTo(amount);
        assertThat(new BigDecimal(line.get("commission").asText())).isEqualByComparingTo(commission);
        assertThat(line.get("reversed").asLong()).isEqualTo(reversed);
        assertThat(new BigDecimal(line.get("locked").asText())).isEqualByComparingTo(locked);
    }

    /** The end offset of every partition of every topic on the broker, internal ones included. */
    private Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(pipeline.config().streams())) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                            .names().get()).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = topics.values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private JsonNode json(String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PromoAttributionCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }
}
