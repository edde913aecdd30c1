package org.promoattribution.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where settings come from: a properties file, then environment variables, which win (so a
 * container can override one setting without a new file). {@code PROMO_ATTRIBUTION_SASL_JAAS_CONFIG}
 * sets {@code sasl.jaas.config}: the prefix dropped, lower case, "_" read as "." and "__" as "-".
 */
public final class ConfigSources {
    public static final String ENV_PREFIX = "PROMO_ATTRIBUTION_";
    private static final Set<String> SECRET_MARKERS = Set.of("password", "secret", "jaas", "user.info", "token",
            "credentials");

    private ConfigSources() {
    }

    public static Properties load(Path file, Map<String, String> environment) {
        Properties props = new Properties();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file)) {
                props.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                props.setProperty(keyOf(name), value);
            }
        });
        return props;
    }

    static String keyOf(String environmentVariable) {
        return environmentVariable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT)
                .replace("__", "\u0000").replace('_', '.').replace('\u0000', '-');
    }

    /** The settings with every secret masked, fit for a log line. */
    public static Map<String, String> redacted(Properties props) {
        Map<String, String> shown = new TreeMap<>();
        props.stringPropertyNames().forEach(key -> shown.put(key, isSecret(key) ? "[hidden]" : props.getProperty(key)));
        return shown;
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_MARKERS.stream().anyMatch(lower::contains);
    }
}
