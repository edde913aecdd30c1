package org.promoattribution.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.promoattribution.bench.Bench;
import org.promoattribution.bench.BenchPlan;
import org.promoattribution.bench.StreamThreadProfile;
import org.promoattribution.bench.micro.MicroBenchmarks;
import org.promoattribution.config.ConfigSources;
import org.promoattribution.local.LocalStack;
import org.promoattribution.schemas.registry.RestSchemaRegistryConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench}: how fast attribution is, next to what the same broker and Kafka Streams sustain. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure attribution against raw Kafka clients and a Kafka Streams passthrough on the same "
                + "broker and records (throughput, MB/s, end-to-end latency at half load; exactly-once and "
                + "at-least-once), then its scale curves (REGEX codes, clicks per session, sessions in state).",
                "Runs on an embedded broker and registry it starts (temporary data) unless --config names a cluster. "
                        + "Prints a table and writes target/bench/results.json and target/bench/chart.html."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "A reduced run: about ten minutes on two cores.")
    boolean quick;

    @Option(names = "--main-only", description = "Only the main workload under exactly-once (its rounds and "
            + "latency runs; no at-least-once, no curves): a quick comparison of two builds or settings.")
    boolean mainOnly;

    @Option(names = "--micro", description = "Run the JMH microbenchmarks of the credit rule and the code matcher "
            + "instead (about a minute).")
    boolean micro;

    @Option(names = "--profile", description = "Record the run with JFR and print where the stream threads of "
            + "attribution and the passthrough spend their time over the main workload (top frames); the recording "
            + "goes to profile.jfr beside results.json.")
    boolean profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file naming the cluster (bootstrap.servers, schema.registry.url, security).")
    Path configFile;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Where results.json and chart.html go (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (micro) {
            MicroBenchmarks.run(outputDir);
            return 0;
        }
        BenchPlan plan = quick ? BenchPlan.quick() : BenchPlan.full();
        Bench bench = new Bench(mainOnly ? plan.mainOnly() : plan, err);
        String mode = quick ? "quick" : "full";
        Properties settings;
        try {
            settings = ConfigSources.load(configFile, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        StreamThreadProfile profiler = profile ? StreamThreadProfile.start() : null;
        try {
            if (Connection.configured(settings)) {
                bench.run(settings, mode, settings.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG), outputDir,
                        out);
            } else {
                err.println("Starting the embedded Kafka broker and schema registry ...");
                try (LocalStack stack = LocalStack.temporary().start()) {
                    settings.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
                    settings.setProperty(RestSchemaRegistryConfig.URL, stack.schemaRegistryUrl());
                    bench.run(settings, mode, "embedded broker and registry", outputDir, out);
                }
            }
            if (profiler != null) {
                profiler.report(outputDir.resolve("profile.jfr"), out);
            }
        } finally {
            if (profiler != null) {
                profiler.close();
            }
        }
        return 0;
    }
}
