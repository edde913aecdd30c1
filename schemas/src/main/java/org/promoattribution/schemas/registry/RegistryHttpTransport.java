package org.promoattribution.schemas.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link RegistryRequest} to the registry's base URLs with failover and a bounded retry.
 * Its one job is to get a final answer from some URL or to declare the registry unavailable;
 * what an answer means is the client's business.
 *
 * <p>Every call the client makes is idempotent (registering a schema twice yields the same id),
 * so retrying after a timeout whose request may have reached the registry is safe.
 */
final class RegistryHttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpTransport.class);
    static final String SCHEMA_REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = SCHEMA_REGISTRY_JSON + ", application/json";

    private final RestSchemaRegistryConfig config;
    private final HttpClient http;
    private final String authorization;
    /** The URL that answered last: a failed URL is not tried first again while another one works. */
    private final AtomicInteger preferredUrl = new AtomicInteger();

    RegistryHttpTransport(RestSchemaRegistryConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // Registries speak HTTP/1.1; skipping the h2c upgrade avoids trouble with proxies.
                .version(HttpClient.Version.HTTP_1_1)
                // Never follow a redirect: it could carry the Authorization header to another host.
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(config.tls().sslContext())
                .build();
        this.authorization = config.credentials().map(BasicAuthCredentials::authorizationHeader).orElse(null);
    }

    /**
     * The first final answer (any status but 5xx, 408 and 429) from a URL, trying the URLs in turn
     * and, when a whole round fails, up to {@code maxRetries} more rounds with exponential backoff,
     * within the call timeout. Each failed round that is retried logs one line with the wait.
     *
     * @throws SchemaRegistryUnavailableException when every attempt failed
     * @throws SchemaRegistryException            when the TLS handshake fails (retrying will not help)
     */
    RegistryResponse send(RegistryRequest request) {
        return send(request, config.maxRetries());
    }

    /** One round over the URLs, no retry and no log line: for a caller that waits and logs itself. */
    RegistryResponse sendOnce(RegistryRequest request) {
        return send(request, 0);
    }

    private RegistryResponse send(RegistryRequest request, int maxRetries) {
        List<URI> urls = config.urls();
        long started = System.nanoTime();
        long deadline = started + config.callTimeout().toNanos();
        List<String> failures = new ArrayList<>();
        IOException lastError = null;
        int attempts = 0;
        for (int round = 0; ; round++) {
            failures.clear();
            int first = preferredUrl.get();
            for (int k = 0; k < urls.size(); k++) {
                int index = (first + k) % urls.size();
                URI uri = URI.create(urls.get(index) + request.path());
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                attempts++;
                String failure;
                try {
                    HttpResponse<String> response = http.send(httpRequest(uri, request, left),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (!isRetryable(response.statusCode())) {
                        preferredUrl.set(index);
                        return new RegistryResponse(response.statusCode(), response.body(), uri, request.method());
                    }
                    failure = urls.get(index) + " answered " + response.statusCode();
                } catch (SSLHandshakeException e) {
                    throw new SchemaRegistryException("TLS handshake with " + urls.get(index) + " failed during "
                            + request + " (" + request.about() + "): " + e.getMessage() + "; if the registry's "
                            + "certificate is signed by a CA of your own, set " + RegistryTls.TRUSTSTORE_LOCATION, e);
                } catch (IOException e) {
                    lastError = e;
                    failure = urls.get(index) + " " + describe(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryUnavailableException("interrupted during " + request
                            + " (" + request.about() + ") to " + urls.get(index), e);
                }
                failures.add(failure);
            }
            Duration wait = backoff(round + 1);
            boolean retry = round < maxRetries && failures.size() == urls.size()
                    && System.nanoTime() + wait.toNanos() < deadline;
            if (!retry) {
                break;
            }
            LOG.warn("schema registry call {} ({}) failed: {}; retry {} of {} in {} ms", request, request.about(),
                    String.join("; ", failures), round + 1, maxRetries, wait.toMillis());
            pause(wait, request);
        }
        throw new SchemaRegistryUnavailableException("schema registry unavailable: " + request
                + " (" + request.about() + ") failed " + attempts + " times in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds()
                + " s (" + RestSchemaRegistryConfig.MAX_RETRIES + " " + maxRetries + ", "
                + RestSchemaRegistryConfig.CALL_TIMEOUT_MS + " " + config.callTimeout().toMillis() + "), last: "
                + String.join("; ", failures), lastError);
    }

    /** The request, its answer awaited for the read timeout or what is left of the call's time, if less. */
    private HttpRequest httpRequest(URI uri, RegistryRequest request, Duration left) {
        Duration timeout = left.compareTo(config.requestTimeout()) < 0 ? left : config.requestTimeout();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", ACCEPT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (request.jsonBody() != null) {
            builder.header("Content-Type", SCHEMA_REGISTRY_JSON)
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(request.jsonBody(), StandardCharsets.UTF_8));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    /** Server trouble, a request timeout on the server side, or throttling: another try may succeed. */
    private static boolean isRetryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** Exponential, capped, with jitter so that many clients don't retry in lockstep. */
    private Duration backoff(int round) {
        long base = config.retryBackoff().toMillis();
        long capped = Math.min(config.maxRetryBackoff().toMillis(), base << Math.min(round - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static void pause(Duration wait, RegistryRequest request) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("interrupted while waiting to retry " + request
                    + " (" + request.about() + ")", e);
        }
    }

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "did not accept a connection within " + config.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "did not answer within " + config.requestTimeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            // The JDK's message is usually null here; on loopback this is nearly always a refusal.
            return "could not be connected to (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
        }
        return "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
