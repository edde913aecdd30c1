package org.promoattribution.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
 * A variable's name cannot spell a program id (its case and "_" are lost), so a per-program key
 * is refused there; {@code PROMO_ATTRIBUTION_SETTINGS} holds properties text ({@code key=value}
 * lines) that can: {@code referral.window.program.BigP=PT1H}. The named variables win over it.
 */
public final class ConfigSources {
    public static final String ENV_PREFIX = "PROMO_ATTRIBUTION_";
    /** Properties text, for the keys a variable's name cannot spell. */
    public static final String SETTINGS_VARIABLE = ENV_PREFIX + "SETTINGS";
    private static final Set<String> SECRET_MARKERS = Set.of("password", "secret", "jaas", "user.info", "token",
            "credentials");

    private ConfigSources() {
    }

    /** @throws IllegalArgumentException naming the file or variable that cannot be read */
    public static Properties load(Path file, Map<String, String> environment) {
        Properties props = new Properties();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file)) {
                props.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        String settings = environment.get(SETTINGS_VARIABLE);
        if (settings != null) {
            try {
                props.load(new StringReader(settings));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(SETTINGS_VARIABLE + " is not properties text (key=value lines): "
                        + e.getMessage(), e);
            }
        }
        new TreeMap<>(environment).forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !name.equals(SETTINGS_VARIABLE)) {
                props.setProperty(keyOf(name), value);
            }
        });
        return props;
    }

    /** The key a variable sets; a per-program key is refused: the program it names may not be the one meant. */
    static String keyOf(String environmentVariable) {
        String key = environmentVariable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT)
                .replace("__", "\u0000").replace('_', '.').replace('\u0000', '-');
        AttributionConfig.OWNERS.stream().flatMap(OwnedKeys::perProgramPrefixes).filter(key::startsWith).findFirst()
                .ifPresent(prefix -> {
                    throw new IllegalArgumentException(environmentVariable + " cannot name a program (a variable's name "
                            + "loses its case and '_'): set " + prefix + "<programId> in " + SETTINGS_VARIABLE
                            + " as key=value lines, or in the config file");
                });
        return key;
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
