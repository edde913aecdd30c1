package org.promoattribution.config;

import java.time.Duration;
import java.util.Map;

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

    static final OwnedKeys KEYS = OwnedKeys.of("HTTP server", "http.")
            .define(HOST, Parsers::text, "0.0.0.0", "the address to listen on; 0.0.0.0 for every interface")
            .define(PORT, Parsers::port, "8080", "the port to listen on; 0 for a free one")
            .define(ADVERTISED_HOST, Parsers::text, null,
                    "how the other instances reach this one (application.server); the listen address by default")
            .define(IDLE_TIMEOUT, Parsers::positiveDuration, "PT10S", "an idle connection is closed after this long")
            .define(THREADS, Parsers.intAtLeast(MIN_THREADS), "16", "the most threads serving requests")
            .define(AUTH_TOKEN, Parsers::optionalText, null, "the token of the explain API and page")
            .define(AUTH_TOKEN_FILE, Parsers::optionalPath, null, "a file holding that token")
            .define(AUTH_METRICS, Parsers::bool, "false", "whether /metrics needs the token too");

    static HttpSettings from(Map<String, String> values) {
        return new HttpSettings(KEYS.value(HOST, values), KEYS.value(PORT, values), KEYS.value(ADVERTISED_HOST, values),
                KEYS.value(IDLE_TIMEOUT, values), KEYS.value(THREADS, values),
                new HttpAuthSettings(KEYS.value(AUTH_TOKEN, values), KEYS.value(AUTH_TOKEN_FILE, values),
                        KEYS.value(AUTH_METRICS, values)));
    }
}
