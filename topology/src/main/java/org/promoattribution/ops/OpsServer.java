package org.promoattribution.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's HTTP server (the JDK's): GET endpoints by path prefix, errors as JSON. Bound
 * first and started later, so that the port it got is known before Kafka Streams is told its
 * application.server.
 */
final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    // Explain requests wait on other instances; a few threads keep a slow peer from blocking health checks.
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static OpsServer bind(String host, int port) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (BindException e) {
            throw new IOException("cannot serve HTTP on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another http.port", e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "ops-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        return new OpsServer(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The server's base URL from this machine: loopback when it listens on every interface. */
    URI localUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** Serves {@code path} and every path under it (the longest registered prefix wins). */
    void route(String path, Endpoint endpoint) {
        server.createContext(path, exchange -> serve(exchange, endpoint));
    }

    void start() {
        server.start();
    }

    private static void serve(HttpExchange exchange, Endpoint endpoint) throws IOException {
        try (exchange) {
            Response response = "GET".equals(exchange.getRequestMethod())
                    ? answer(exchange, endpoint)
                    : Response.error(405, "only GET is served");
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(response.body());
            }
        }
    }

    private static Response answer(HttpExchange exchange, Endpoint endpoint) {
        try {
            return endpoint.handle(Request.of(exchange.getRequestURI()));
        } catch (HttpProblem e) {
            return Response.error(e.status(), e.getMessage());
        } catch (InvalidStateStoreException e) {
            // Stores move during a rebalance; the caller should try again shortly.
            return Response.error(503, "state not queryable now (rebalancing?): " + e.getMessage());
        } catch (Exception e) {
            log.warn("{} failed", exchange.getRequestURI(), e);
            return Response.error(500, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
