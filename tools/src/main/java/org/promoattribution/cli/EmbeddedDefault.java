package org.promoattribution.cli;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.promoattribution.config.HttpSettings;
import org.promoattribution.local.LocalStack;
import org.promoattribution.run.OwnCluster;
import org.promoattribution.schemas.registry.RestSchemaRegistryConfig;

/**
 * The embedded default of {@code run}: a KRaft broker and a schema registry as child JVMs on
 * 127.0.0.1, their data under the data dir, their addresses published there for the other commands.
 */
final class EmbeddedDefault implements OwnCluster {
    private final LocalStack stack;
    private final Path dataDir;

    private EmbeddedDefault(LocalStack stack, Path dataDir) {
        this.stack = stack;
        this.dataDir = dataDir;
    }

    static EmbeddedDefault startIn(Path dataDir) {
        LocalStack stack = LocalStack.inDirectory(dataDir).start();
        try {
            Connection.publish(dataDir, stack.bootstrapServers(), stack.schemaRegistryUrl());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return new EmbeddedDefault(stack, dataDir);
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                RestSchemaRegistryConfig.URL, stack.schemaRegistryUrl(),
                HttpSettings.HOST, "127.0.0.1"); // a local playground stays local
    }

    @Override
    public void close() {
        Connection.withdraw(dataDir);
        stack.close();
    }
}
