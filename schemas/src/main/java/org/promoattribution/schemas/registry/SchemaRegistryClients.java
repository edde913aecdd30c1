package org.promoattribution.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.common.config.ConfigException;

/** Builds the {@link SchemaRegistryClient} that a Confluent-style configuration asks for. */
public final class SchemaRegistryClients {
    /** {@code mock://<scope>}: an in-memory registry shared by everyone naming the same scope. */
    public static final String MOCK_SCHEME = "mock://";

    // Shared per scope, as Confluent's serdes do, so a producer and a consumer configured
    // separately in one test see the same ids.
    private static final ConcurrentMap<String, InMemorySchemaRegistryClient> MOCK_SCOPES = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    /**
     * A client for {@code schema.registry.url}: the shared in-memory registry of the scope for
     * {@code mock://<scope>}, else a {@link RestSchemaRegistryClient} configured by
     * {@link RestSchemaRegistryConfig#fromConfig}.
     *
     * @throws ConfigException for a missing or malformed setting
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> config) {
        Object url = config.get(RestSchemaRegistryConfig.URL);
        String text = url instanceof Iterable<?> list ? String.join(",", toStrings(list))
                : url == null ? "" : url.toString();
        String trimmed = text.trim();
        if (trimmed.regionMatches(true, 0, MOCK_SCHEME, 0, MOCK_SCHEME.length())) {
            if (trimmed.contains(",")) {
                throw new ConfigException(RestSchemaRegistryConfig.URL + ": a mock:// URL must stand alone");
            }
            return mockScope(trimmed.substring(MOCK_SCHEME.length()));
        }
        return new RestSchemaRegistryClient(RestSchemaRegistryConfig.fromConfig(config));
    }

    /** The in-memory registry of {@code scope}, created on first use. */
    public static InMemorySchemaRegistryClient mockScope(String scope) {
        return MOCK_SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
    }

    /** Forgets the registry of {@code scope}, so that the next test starts empty. */
    public static void dropMockScope(String scope) {
        MOCK_SCOPES.remove(scope);
    }

    private static Iterable<String> toStrings(Iterable<?> values) {
        List<String> strings = new ArrayList<>();
        values.forEach(v -> strings.add(String.valueOf(v)));
        return strings;
    }
}
