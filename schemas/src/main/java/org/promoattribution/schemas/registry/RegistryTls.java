package org.promoattribution.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The TLS stores of the registry client, under Confluent's names ({@code schema.registry.ssl.*}):
 * a truststore holding the certificates that sign the registry's (instead of the JVM's default
 * ones), and a keystore for a registry that asks clients for a certificate. Types are those of
 * {@link KeyStore} (PKCS12, the default, or JKS). {@link #toString()} shows no password.
 */
public record RegistryTls(Optional<Store> truststore, Optional<Store> keystore, Optional<String> keyPassword) {
    public static final String PREFIX = "schema.registry.ssl.";
    public static final String TRUSTSTORE_LOCATION = PREFIX + "truststore.location";
    public static final String TRUSTSTORE_PASSWORD = PREFIX + "truststore.password";
    public static final String TRUSTSTORE_TYPE = PREFIX + "truststore.type";
    public static final String KEYSTORE_LOCATION = PREFIX + "keystore.location";
    public static final String KEYSTORE_PASSWORD = PREFIX + "keystore.password";
    public static final String KEYSTORE_TYPE = PREFIX + "keystore.type";
    public static final String KEY_PASSWORD = PREFIX + "key.password";
    static final String DEFAULT_TYPE = "PKCS12";

    /** No stores of our own: the JVM's default trust, no client certificate. */
    public static final RegistryTls JVM_DEFAULT = new RegistryTls(Optional.empty(), Optional.empty(), Optional.empty());

    /** One store file; the password may be null (a truststore may need none). */
    public record Store(Path location, String password, String type) {
        @Override
        public String toString() {
            return type + " " + location + (password == null ? "" : " (password set)");
        }
    }

    public static RegistryTls fromConfig(Map<String, ?> config) {
        return new RegistryTls(store(config, TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE),
                store(config, KEYSTORE_LOCATION, KEYSTORE_PASSWORD, KEYSTORE_TYPE),
                Optional.ofNullable(secret(config.get(KEY_PASSWORD))));
    }

    @Override
    public String toString() {
        return isJvmDefault() ? "JVM default"
                : "truststore " + truststore.map(Store::toString).orElse("of the JVM")
                + ", keystore " + keystore.map(Store::toString).orElse("none")
                + keyPassword.map(p -> ", key password set").orElse("");
    }

    public boolean isJvmDefault() {
        return truststore.isEmpty() && keystore.isEmpty();
    }

    /**
     * The context the HTTP client speaks TLS with: the JVM's default one unless stores are set.
     *
     * @throws ConfigException naming the store and key at fault (never a password) when a store
     *                         cannot be read or opened
     */
    public SSLContext sslContext() {
        try {
            if (isJvmDefault()) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory trust = null;
            if (truststore.isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(truststore.get(), TRUSTSTORE_LOCATION, TRUSTSTORE_TYPE));
            }
            KeyManagerFactory keys = null;
            if (keystore.isPresent()) {
                Store store = keystore.get();
                if (store.password() == null) {
                    throw new ConfigException(KEYSTORE_LOCATION + " needs " + KEYSTORE_PASSWORD);
                }
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                try {
                    keys.init(load(store, KEYSTORE_LOCATION, KEYSTORE_TYPE), keyPassword.orElse(store.password()).toCharArray());
                } catch (GeneralSecurityException e) {
                    throw new ConfigException("the key in " + store.location() + " (" + KEYSTORE_LOCATION
                            + ") cannot be opened: check " + KEY_PASSWORD + " (" + e.getClass().getSimpleName() + ")");
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot set up TLS for the schema registry: " + e.getMessage());
        }
    }

    private static KeyStore load(Store store, String locationKey, String typeKey) {
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(store.type());
        } catch (GeneralSecurityException e) {
            throw new ConfigException(typeKey, store.type(), "not a keystore type of this JVM (PKCS12, JKS)");
        }
        try (InputStream in = Files.newInputStream(store.location())) {
            keyStore.load(in, store.password() == null ? null : store.password().toCharArray());
            return keyStore;
        } catch (NoSuchFileException e) {
            throw new ConfigException(locationKey, store.location().toString(), "no such file");
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows as an IOException whose cause is an UnrecoverableKeyException.
            throw new ConfigException(locationKey, store.location().toString(), "cannot be read as " + store.type()
                    + " with the password given (" + e.getMessage() + ")");
        }
    }

    private static Optional<Store> store(Map<String, ?> config, String locationKey, String passwordKey, String typeKey) {
        Object location = config.get(locationKey);
        if (location == null || location.toString().isBlank()) {
            return Optional.empty();
        }
        Object type = config.get(typeKey);
        return Optional.of(new Store(Path.of(location.toString().trim()), secret(config.get(passwordKey)),
                type == null || type.toString().isBlank() ? DEFAULT_TYPE : type.toString().trim()));
    }

    /** Kafka configs carry secrets as {@link Password}, whose toString is masked. */
    private static String secret(Object value) {
        if (value instanceof Password password) {
            return password.value();
        }
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }
}
