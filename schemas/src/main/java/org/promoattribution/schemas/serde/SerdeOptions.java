package org.promoattribution.schemas.serde;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a serializer picks the schema it writes, as Confluent's serializers do:
 * {@code auto.register.schemas} registers the class's schema; {@code use.latest.version}
 * (with {@code auto.register.schemas=false}) writes each record in the subject's latest version;
 * with neither, the class's schema must already be registered.
 */
public record SerdeOptions(boolean autoRegister, boolean useLatestVersion) {
    public static final SerdeOptions DEFAULT = new SerdeOptions(true, false);

    public SerdeOptions {
        if (autoRegister && useLatestVersion) {
            // Confluent's serializer then silently registers and ignores use.latest.version: say so instead.
            throw new ConfigException(USE_LATEST_VERSION + "=true needs " + AUTO_REGISTER_SCHEMAS
                    + "=false: a serializer that registers its own schema writes in that one, not the latest");
        }
    }

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";

    /**
     * Reads {@code auto.register.schemas} (default true) and {@code use.latest.version} (default false),
     * given as Boolean or as the text true/false.
     *
     * @throws ConfigException for any other value
     */
    public static SerdeOptions fromConfig(Map<String, ?> config) {
        return new SerdeOptions(flag(config, AUTO_REGISTER_SCHEMAS, DEFAULT.autoRegister()),
                flag(config, USE_LATEST_VERSION, DEFAULT.useLatestVersion()));
    }

    private static boolean flag(Map<String, ?> config, String key, boolean defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        // Stricter than Boolean.parseBoolean, which reads any typo as false.
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, value, "expected true or false");
        };
    }
}
