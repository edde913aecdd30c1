package org.promoattribution.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Where and how {@link RestSchemaRegistryClient} reaches the registry. The base URLs never hold
 * credentials (they are moved into {@link #credentials()}), so URLs can go into logs and messages,
 * and {@link #toString()} masks the secret.
 *
 * @param urls            base URLs of one registry cluster, tried in order with failover; for Apicurio
 *                        the ccompat root, e.g. {@code http://host:8080/apis/ccompat/v7}
 * @param credentials     basic auth sent with every request, if any
 * @param connectTimeout  limit for opening a connection to one URL
 * @param requestTimeout  limit for one request, from sending until the response headers arrive
 * @param maxRetries      extra rounds over all URLs after the first round failed with connection
 *                        errors, timeouts or 5xx/408/429 answers
 * @param retryBackoff    wait before the first extra round; doubled each round
 * @param maxRetryBackoff cap on that wait
 * @param callTimeout     limit for one call, its retries and their waits included: no round starts
 *                        (and no wait begins) that would end past it
 * @param tls             the stores for https URLs
 */
public record RestSchemaRegistryConfig(List<URI> urls, Optional<BasicAuthCredentials> credentials,
                                       Duration connectTimeout, Duration requestTimeout,
                                       int maxRetries, Duration retryBackoff, Duration maxRetryBackoff,
                                       Duration callTimeout, RegistryTls tls) {

    /** Comma-separated base URLs (Confluent's key). */
    public static final String URL = "schema.registry.url";
    /** {@code USER_INFO} (credentials in {@link #USER_INFO}) or {@code URL} (credentials in the URLs). */
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:secret}; {@code schema.registry.basic.auth.user.info} is accepted too. */
    public static final String USER_INFO = "basic.auth.user.info";
    public static final String PREFIXED_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    /** Ours (Confluent has no such bound); under the registry prefix so it cannot be taken for a Kafka setting. */
    public static final String CALL_TIMEOUT_MS = "schema.registry.call.timeout.ms";

    // Shorter timeouts than Confluent's (60 s each): a stream thread blocked on the registry stalls its
    // partitions. A call rides out a short registry outage by retrying with backoff for up to a minute
    // (well within Kafka Streams' max.poll.interval.ms of 5 minutes), so a registry restart costs no
    // thread; past that the caller is told the registry is unavailable and fails the task.
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RETRIES = 10;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_RETRY_BACKOFF = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    public RestSchemaRegistryConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        for (URI url : urls) {
            if (url.getRawUserInfo() != null) {
                throw new IllegalArgumentException("schema registry URLs must not hold credentials; "
                        + "pass them as BasicAuthCredentials");
            }
        }
        Objects.requireNonNull(credentials, "credentials");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(maxRetryBackoff, "maxRetryBackoff");
        if (retryBackoff.isNegative() || maxRetryBackoff.isNegative()) {
            throw new IllegalArgumentException("retry backoffs must not be negative");
        }
        requirePositive(callTimeout, "callTimeout");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * Default timeouts and retries; {@code urls} as in {@link #URL}. Credentials in the URLs
     * ({@code http://user:secret@host:8081}) are taken out of them and sent as basic auth.
     */
    public static RestSchemaRegistryConfig of(String urls) {
        return fromConfig(Map.of(URL, urls));
    }

    public RestSchemaRegistryConfig withCredentials(BasicAuthCredentials newCredentials) {
        return new RestSchemaRegistryConfig(urls, Optional.of(newCredentials), connectTimeout, requestTimeout,
                maxRetries, retryBackoff, maxRetryBackoff, callTimeout, tls);
    }

    public RestSchemaRegistryConfig withTimeouts(Duration connect, Duration request) {
        return new RestSchemaRegistryConfig(urls, credentials, connect, request,
                maxRetries, retryBackoff, maxRetryBackoff, callTimeout, tls);
    }

    public RestSchemaRegistryConfig withRetries(int retries, Duration backoff, Duration maxBackoff) {
        return new RestSchemaRegistryConfig(urls, credentials, connectTimeout, requestTimeout,
                retries, backoff, maxBackoff, callTimeout, tls);
    }

    public RestSchemaRegistryConfig withCallTimeout(Duration timeout) {
        return new RestSchemaRegistryConfig(urls, credentials, connectTimeout, requestTimeout,
                maxRetries, retryBackoff, maxRetryBackoff, timeout, tls);
    }

    /**
     * Reads Confluent-style keys (see the constants). Without {@link #CREDENTIALS_SOURCE}, Confluent's
     * default {@code URL} applies, except that a set {@link #USER_INFO} is used: silently ignoring
     * configured credentials is a classic misconfiguration.
     *
     * @throws ConfigException naming the key at fault, never echoing a secret
     */
    public static RestSchemaRegistryConfig fromConfig(Map<String, ?> config) {
        String urlValue = listValue(config.get(URL));
        if (urlValue == null || urlValue.isBlank()) {
            throw new ConfigException("missing " + URL);
        }
        ParsedUrls parsed;
        try {
            parsed = parseUrls(urlValue);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(URL + ": " + e.getMessage());
        }
        String userInfo = secretValue(config.containsKey(USER_INFO) ? config.get(USER_INFO) : config.get(PREFIXED_USER_INFO));
        String source = stringValue(config.get(CREDENTIALS_SOURCE));
        if (source == null || source.isBlank()) {
            source = userInfo != null && !userInfo.isEmpty() ? "USER_INFO" : "URL";
        }
        Optional<BasicAuthCredentials> credentials = switch (source.trim().toUpperCase(Locale.ROOT)) {
            case "USER_INFO" -> {
                if (userInfo == null || userInfo.isEmpty()) {
                    throw new ConfigException(CREDENTIALS_SOURCE + "=USER_INFO needs " + USER_INFO);
                }
                try {
                    yield Optional.of(BasicAuthCredentials.parseUserInfo(userInfo));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(USER_INFO + " must have the form user:secret");
                }
            }
            case "URL" -> {
                try {
                    yield parsed.userInfo().map(BasicAuthCredentials::parseUserInfo);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(URL + ": credentials in a URL must have the form user:secret");
                }
            }
            default -> throw new ConfigException(CREDENTIALS_SOURCE + " must be USER_INFO or URL, not " + source);
        };
        return new RestSchemaRegistryConfig(parsed.urls, credentials,
                Duration.ofMillis(longValue(config, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT.toMillis(), 1)),
                Duration.ofMillis(longValue(config, REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT.toMillis(), 1)),
                (int) longValue(config, MAX_RETRIES, DEFAULT_MAX_RETRIES, 0),
                Duration.ofMillis(longValue(config, RETRIES_WAIT_MS, DEFAULT_RETRY_BACKOFF.toMillis(), 0)),
                Duration.ofMillis(longValue(config, RETRIES_MAX_WAIT_MS, DEFAULT_MAX_RETRY_BACKOFF.toMillis(), 0)),
                Duration.ofMillis(longValue(config, CALL_TIMEOUT_MS, DEFAULT_CALL_TIMEOUT.toMillis(), 1)),
                RegistryTls.fromConfig(config));
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryConfig[urls=" + urls
                + ", credentials=" + credentials.map(BasicAuthCredentials::toString).orElse("none")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff
                + ", maxRetryBackoff=" + maxRetryBackoff + ", callTimeout=" + callTimeout + ", tls=" + tls + "]";
    }

    /** Base URLs without credentials, and the (decoded) user info the URLs carried, for source {@code URL}. */
    private record ParsedUrls(List<URI> urls, Optional<String> userInfo) {
    }

    private static ParsedUrls parseUrls(String commaSeparated) {
        List<URI> urls = new ArrayList<>();
        Set<Optional<String>> userInfos = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                // The input may hold credentials: report the position only.
                throw new IllegalArgumentException("not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                // Don't echo the text: it may hold credentials.
                throw new IllegalArgumentException("expected http(s)://host[:port][/path] (scheme '" + scheme
                        + "', host " + (uri.getHost() == null ? "missing" : uri.getHost()) + ")");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("a base URL takes no query or fragment: " + withoutUserInfo(uri));
            }
            userInfos.add(Optional.ofNullable(uri.getUserInfo()));
            urls.add(withoutUserInfo(uri));
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no URL given");
        }
        if (userInfos.size() > 1) {
            // One cluster, one identity: differing credentials are almost certainly a typo.
            throw new IllegalArgumentException("the URLs carry different credentials (or only some carry any)");
        }
        return new ParsedUrls(urls, userInfos.iterator().next());
    }

    /** The URL without user info and without a trailing '/', so paths can be appended. */
    private static URI withoutUserInfo(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT), null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static String listValue(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return stringValue(value);
    }

    private static String stringValue(Object value) {
        return value == null ? null : value.toString();
    }

    /** Kafka configs carry secrets as {@link Password}, whose toString is masked. */
    private static String secretValue(Object value) {
        return value instanceof Password password ? password.value() : stringValue(value);
    }

    private static long longValue(Map<String, ?> config, String key, long defaultValue, long min) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        long result;
        try {
            result = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "not a whole number");
        }
        if (result < min || result > Integer.MAX_VALUE) {
            throw new ConfigException(key, value, "must be between " + min + " and " + Integer.MAX_VALUE);
        }
        return result;
    }
}
