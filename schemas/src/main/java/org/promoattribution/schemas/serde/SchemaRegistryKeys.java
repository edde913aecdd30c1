package org.promoattribution.schemas.serde;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.promoattribution.schemas.registry.RegistryTls;
import org.promoattribution.schemas.registry.RestSchemaRegistryConfig;

/**
 * Every setting the registry client and the serde read, under Confluent's names: the one list an
 * application routes to them (and not to Kafka), and how each prints without its secret.
 * {@code schema.registry.*} belongs to the registry: a key under it that is not listed is a typo.
 */
public final class SchemaRegistryKeys {
    public static final String PREFIX = "schema.registry.";

    /** The keys holding a secret: never printed. */
    public static final Set<String> SECRETS = Set.of(RestSchemaRegistryConfig.USER_INFO,
            RestSchemaRegistryConfig.PREFIXED_USER_INFO, RegistryTls.TRUSTSTORE_PASSWORD,
            RegistryTls.KEYSTORE_PASSWORD, RegistryTls.KEY_PASSWORD);

    public static final Set<String> ALL = Set.of(
            RestSchemaRegistryConfig.URL,
            RestSchemaRegistryConfig.CREDENTIALS_SOURCE,
            RestSchemaRegistryConfig.USER_INFO,
            RestSchemaRegistryConfig.PREFIXED_USER_INFO,
            RestSchemaRegistryConfig.CONNECT_TIMEOUT_MS,
            RestSchemaRegistryConfig.REQUEST_TIMEOUT_MS,
            RestSchemaRegistryConfig.MAX_RETRIES,
            RestSchemaRegistryConfig.RETRIES_WAIT_MS,
            RestSchemaRegistryConfig.RETRIES_MAX_WAIT_MS,
            RestSchemaRegistryConfig.CALL_TIMEOUT_MS,
            RegistryTls.TRUSTSTORE_LOCATION,
            RegistryTls.TRUSTSTORE_PASSWORD,
            RegistryTls.TRUSTSTORE_TYPE,
            RegistryTls.KEYSTORE_LOCATION,
            RegistryTls.KEYSTORE_PASSWORD,
            RegistryTls.KEYSTORE_TYPE,
            RegistryTls.KEY_PASSWORD,
            SerdeOptions.AUTO_REGISTER_SCHEMAS,
            SerdeOptions.USE_LATEST_VERSION);

    private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");

    private SchemaRegistryKeys() {
    }

    /** Whether {@code key} is the registry's: one of {@link #ALL}, or anything under {@link #PREFIX}. */
    public static boolean owns(String key) {
        return ALL.contains(key) || key.startsWith(PREFIX);
    }

    /** @throws ConfigException naming the first key under {@link #PREFIX} that no one reads */
    public static void requireKnown(Collection<String> keys) {
        for (String key : new TreeSet<>(keys)) {
            if (key.startsWith(PREFIX) && !ALL.contains(key)) {
                throw new ConfigException("unknown schema registry setting " + key + "; the registry client reads "
                        + String.join(", ", new TreeSet<>(ALL)));
            }
        }
    }

    /** The value as it may be printed: secrets masked, credentials in URLs masked. */
    public static String printable(String key, String value) {
        if (value == null) {
            return null;
        }
        if (SECRETS.contains(key)) {
            return "******";
        }
        return key.equals(RestSchemaRegistryConfig.URL) ? maskUrlCredentials(value) : value;
    }

    /** {@code https://user:secret@host} becomes {@code https://******@host}, for each URL in the text. */
    public static String maskUrlCredentials(String urls) {
        return urls == null ? null : URL_USER_INFO.matcher(urls).replaceAll("******@");
    }
}
