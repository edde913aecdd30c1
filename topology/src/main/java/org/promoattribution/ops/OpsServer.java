package org.promoattribution.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SizeLimitHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.promoattribution.config.HttpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's HTTP server (Jetty): GET endpoints by path prefix, errors as JSON. Bound first and
 * started later, so that the port it got is known before Kafka Streams is told its application.server.
 * <p>
 * Health checks must answer whatever other clients do. Jetty reads requests without holding a thread
 * (a client that sends half a request and waits costs a connection, closed after the idle timeout,
 * not a thread); the threads are a bounded pool; and every route but the probes shares a quarter of
 * them at most (Jetty's QoSHandler queues the rest of those requests without a thread, and answers 503
 * past the idle timeout), so explain requests waiting on other instances never occupy the pool.
 */
final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    /** Room for a long path and an Authorization header; Jetty answers 431 beyond. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** Every endpoint is a GET: a request with a body is refused (413) before it is read. */
    static final long MAX_BODY_BYTES = 0;
    private static final String REALM = "realm=\"promo-attribution\"";

    static final String NO_PAGE = "no page here; try /, /overview, /metrics, /health/ready or /explain/...";

    /** Who may call a route. */
    enum Access {
        /** Anyone who reaches the port (health probes). */
        OPEN,
        /** Callers presenting the access token, when the server has one (decision data). */
        TOKEN
    }

    private record Route(Endpoint endpoint, Access access) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final QoSHandler limited;
    private final Optional<AccessToken> token;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    private OpsServer(Server server, ServerConnector connector, QoSHandler limited, Optional<AccessToken> token) {
        this.server = server;
        this.connector = connector;
        this.limited = limited;
        this.token = token;
    }

    /** Opens the listening socket; {@code token} is required on {@link Access#TOKEN} routes when present. */
    static OpsServer bind(HttpSettings http, Optional<AccessToken> token) throws IOException {
        // Bounded in threads. Its task queue is not (Jetty advises against it): the work that can pile up
        // is bounded by the QoSHandler below, which answers 503 past 1024 waiting requests.
        QueuedThreadPool pool = new QueuedThreadPool(http.threads(), 2, 60_000);
        pool.setName("ops-http");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        Server server = new Server(pool);

        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(MAX_HEADER_BYTES);
        config.setSendServerVersion(false);
        // Ids are path segments and may hold an encoded '/': each segment is decoded on its own (Request).
        config.setUriCompliance(UriCompliance.DEFAULT.with("ids with %2F", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(http.host());
        connector.setPort(http.port());
        connector.setIdleTimeout(http.idleTimeout().toMillis());
        server.addConnector(connector);

        QoSHandler limited = new QoSHandler();
        limited.setMaxRequestCount(Math.max(1, http.threads() / 4));
        limited.setMaxSuspend(http.idleTimeout());
        OpsServer ops = new OpsServer(server, connector, limited, token);
        limited.setHandler(ops.new Dispatch());
        server.setHandler(new SizeLimitHandler(MAX_BODY_BYTES, -1));
        ((Handler.Wrapper) server.getHandler()).setHandler(limited);
        try {
            connector.open();
        } catch (IOException e) {
            throw new IOException("cannot serve HTTP on " + http.host() + ":" + http.port() + " (" + e.getMessage()
                    + "); choose another http.port", e);
        }
        return ops;
    }

    int port() {
        return connector.getLocalPort();
    }

    /** The server's base URL from this machine: loopback when it listens on every interface. */
    URI localUrl() {
        InetSocketAddress address = new InetSocketAddress(connector.getHost(), port());
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Serves {@code path} and every path under it (the longest registered prefix wins). */
    void route(String path, Endpoint endpoint, Access access) {
        routes.put(path, new Route(endpoint, access));
    }

    /** A route for health probes: open, and never queued behind the other routes. */
    void probe(String path, Endpoint endpoint) {
        route(path, endpoint, Access.OPEN);
        limited.excludePath(path.endsWith("/") ? path + "*" : path);
    }

    void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP server: " + e.getMessage(), e);
        }
    }

    /** Finds the route of each request and writes its endpoint's answer. */
    private final class Dispatch extends Handler.Abstract {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              Callback callback) {
            String path = request.getHttpURI().getPath();
            Route route = match(path);
            Response answer;
            boolean refused = false;
            if (!"GET".equals(request.getMethod())) {
                answer = Response.error(405, "only GET is served");
            } else if (route == null) {
                answer = Response.error(404, NO_PAGE);
            } else if (route.access() == Access.TOKEN && token.isPresent()
                    && !token.get().admits(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
                refused = true;
                answer = Response.error(401, "credentials required: send Authorization: Bearer <http.auth.token>");
            } else {
                answer = answer(request.getHttpURI().getPathQuery(),
                        () -> route.endpoint().handle(Request.of(path, request.getHttpURI().getQuery())));
            }
            response.setStatus(answer.status());
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            headers.put("X-Content-Type-Options", "nosniff");
            if (refused) {
                // Bearer for tools; Basic (the token as password) makes browsers ask for it, for the page.
                headers.add(HttpHeader.WWW_AUTHENTICATE, "Bearer " + REALM);
                headers.add(HttpHeader.WWW_AUTHENTICATE, "Basic " + REALM + ", charset=\"UTF-8\"");
            }
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
            return true;
        }
    }

    private Route match(String path) {
        Route best = null;
        int bestLength = -1;
        for (Map.Entry<String, Route> entry : routes.entrySet()) {
            if (path.startsWith(entry.getKey()) && entry.getKey().length() > bestLength) {
                best = entry.getValue();
                bestLength = entry.getKey().length();
            }
        }
        return best;
    }

    /** An endpoint's call, which may fail. */
    @FunctionalInterface
    private interface Call {
        Response get() throws Exception;
    }

    private static Response answer(String pathAndQuery, Call call) {
        try {
            return call.get();
        } catch (HttpProblem e) {
            return Response.error(e.status(), e.getMessage());
        } catch (InvalidStateStoreException e) {
            // Stores move during a rebalance; the caller should try again shortly.
            return Response.error(503, "state not queryable now (rebalancing?): " + e.getMessage());
        } catch (Exception e) {
            log.warn("{} failed", pathAndQuery, e);
            return Response.error(500, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("stopping the HTTP server failed", e);
        }
    }
}
