package org.promoattribution.faults;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.promoattribution.app.AttributionApp;
import org.promoattribution.app.InstanceDataDir;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryClients;

/**
 * One pipeline instance, the same {@link AttributionApp} that {@code run} starts, in a JVM of
 * its own (see {@link ChildInstance}). Arguments: the settings file and a status file, rewritten
 * every 100 ms with the Kafka Streams state and the number of promo codes the instance knows; then
 * optionally a data dir, claimed as {@code run --data-dir} claims it (state, group.instance.id).
 */
public final class InstanceMain {
    private InstanceMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            settings.load(reader);
        }
        Path status = Path.of(args[1]);
        if (args.length > 2) {
            settings = InstanceDataDir.claim(Path.of(args[2])).settings(settings, System.getenv()); // held until exit
        }
        AttributionConfig config = AttributionConfig.from(settings);
        AttributionApp app = new AttributionApp(config, SchemaRegistryClients.fromConfig(config.registry()),
                new AttributionMetrics(new SimpleMeterRegistry()));
        // SIGTERM is a graceful stop (commit, leave the group); SIGKILL runs no hook, as in a crash.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "instance-shutdown"));
        app.start();
        Path written = status.resolveSibling(status.getFileName() + ".tmp");
        while (true) {
            Files.writeString(written, app.streams().state() + " " + app.codes().size());
            Files.move(written, status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(100);
        }
    }
}
