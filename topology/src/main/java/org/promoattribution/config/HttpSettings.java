package org.promoattribution.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where and how an instance serves its HTTP endpoints (metrics, health, explain).
 *
 * @param host           the address to listen on; 0.0.0.0 for every interface
 * @param port           the port to listen on; 0 for a free one
 * @param advertisedHost how the other instances reach this one (Kafka Streams' application.server);
 *                       null to use the listen address, or this machine's name when listening on every interface
 * @param idleTimeout    a connection that sends or accepts nothing for this long is closed, half a request included
 * @param threads        the most threads serving requests (a bounded pool); a quarter of them at most serve the
 *                       explain API, page and metrics at once, so that health checks always find one
 * @param auth           the credentials that unlock decision data
 */
public record HttpSettings(String host, int port, String advertisedHost, Duration idleTimeout, int threads,
                           HttpAuthSettings auth) {
    public static final String HOST = "http.host";
    public static final String PORT = "http.port";
    public static final String ADVERTISED_HOST = "http.advertised.host";
    public static final String IDLE_TIMEOUT = "http.idle.timeout";
    public static final String THREADS = "http.threads";
    public static final String AUTH_TOKEN = "http.auth.token";
    public static final String AUTH_TOKEN_FILE = "http.auth.token.file";
    public static final String AUTH_METRICS = "http.auth.metrics";
    /** Jetty leases two threads (acceptor, selector); below this the pool could not serve at all. */
    static final int MIN_THREADS = 4;

    static final Set<String> KEYS = Set.of(HOST, PORT, ADVERTISED_HOST, IDLE_TIMEOUT, THREADS, AUTH_TOKEN,
            AUTH_TOKEN_FILE, AUTH_METRICS);

    static HttpSettings from(Map<String, String> values) {
        String tokenFile = values.get(AUTH_TOKEN_FILE);
        return new HttpSettings(values.getOrDefault(HOST, "0.0.0.0"), port(values.get(PORT)),
                values.get(ADVERTISED_HOST),
                AttributionConfig.positive(IDLE_TIMEOUT, values.getOrDefault(IDLE_TIMEOUT, "PT10S")),
                threads(values.get(THREADS)),
                new HttpAuthSettings(blankToNull(values.get(AUTH_TOKEN)),
                        blankToNull(tokenFile) == null ? null : Path.of(tokenFile),
                        bool(AUTH_METRICS, values.getOrDefault(AUTH_METRICS, "false"))));
    }

    /** A TCP port; 0 asks the system for a free one (tests). */
    private static int port(String value) {
        if (value == null) {
            return 8080;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0 || parsed > 65_535) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT + " must be a port number from 0 to 65535: " + value);
        }
    }

    private static int threads(String value) {
        if (value == null) {
            return 16;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < MIN_THREADS) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THREADS + " must be an integer of at least " + MIN_THREADS + ": " + value);
        }
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false: " + value);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
