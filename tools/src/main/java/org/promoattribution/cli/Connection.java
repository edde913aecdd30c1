package org.promoattribution.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.promoattribution.schemas.registry.RestSchemaRegistryConfig;

/**
 * Where the embedded default runs: {@code run} writes the broker and registry addresses to
 * {@code <data dir>/local-stack.properties}, so that {@code produce}, {@code consume} and
 * friends, started later without a config, find the same cluster.
 */
public final class Connection {
    private static final String FILE = "local-stack.properties";

    private Connection() {
    }

    public static boolean configured(Properties props) {
        return props.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    public static void publish(Path dataDir, String bootstrapServers, String registryUrl) {
        Properties props = new Properties();
        props.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(RestSchemaRegistryConfig.URL, registryUrl);
        try (Writer writer = Files.newBufferedWriter(dataDir.resolve(FILE))) {
            props.store(writer, "written by 'promo-attribution run' while the embedded broker and registry run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void withdraw(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // a stale file only points at a stopped broker, which clients report clearly
        }
    }

    /** Adds the running embedded default's addresses to settings that name no cluster. */
    public static Properties orRunningLocalStack(Properties props, Path dataDir) {
        if (configured(props)) {
            return props;
        }
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException("no cluster configured: pass --config FILE (with bootstrap.servers and "
                    + "schema.registry.url), or start the embedded default first with 'bin/promo-attribution run'");
        }
        Properties local = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            local.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        local.putAll(props);
        return local;
    }
}
