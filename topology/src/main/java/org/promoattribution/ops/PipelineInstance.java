package org.promoattribution.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.promoattribution.app.AttributionApp;
import org.promoattribution.app.StreamsHooks;
import org.promoattribution.config.AttributionConfig;
import org.promoattribution.config.HttpSettings;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/**
 * One operable instance: the pipeline, and its HTTP server with the Prometheus metrics, the
 * health checks, the explain endpoints and page, and the overview page. Its application.server (how the other
 * instances reach its explain endpoints) is the HTTP address unless configured.
 */
public final class PipelineInstance implements AutoCloseable {
    private final PrometheusMeterRegistry meters;
    private final JvmMeters jvm;
    private final OpsServer server;
    private final AttributionApp app;
    private final HostInfo address;

    private PipelineInstance(PrometheusMeterRegistry meters, JvmMeters jvm, OpsServer server, AttributionApp app,
                             HostInfo address) {
        this.meters = meters;
        this.jvm = jvm;
        this.server = server;
        this.app = app;
        this.address = address;
    }

    /** Starts serving HTTP, then starts the pipeline with the default hooks. */
    public static PipelineInstance start(AttributionConfig config, SchemaRegistryClient registry) throws IOException {
        return start(config, registry, StreamsHooks::defaults);
    }

    /** Starts serving HTTP, then starts the pipeline with the hooks {@code hooks} makes. */
    public static PipelineInstance start(AttributionConfig config, SchemaRegistryClient registry,
                                         BiFunction<AttributionConfig, AttributionMetrics, StreamsHooks> hooks)
            throws IOException {
        return start(config, registry, hooks, Set.of());
    }

    /**
     * Starts serving HTTP, then starts the pipeline with the hooks {@code hooks} makes, reading
     * {@code previousRerouting} too (see {@link AttributionApp}).
     */
    public static PipelineInstance start(AttributionConfig config, SchemaRegistryClient registry,
                                         BiFunction<AttributionConfig, AttributionMetrics, StreamsHooks> hooks,
                                         Set<String> previousRerouting)
            throws IOException {
        HttpSettings http = config.http();
        Optional<AccessToken> token = AccessToken.of(http);
        OpsServer server = OpsServer.bind(http, token);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        meters.config().meterFilter(new StoreMetricTags());
        JvmMeters jvm = new JvmMeters(meters);
        try {
            AttributionConfig served = config.withStreamsDefault(StreamsConfig.APPLICATION_SERVER_CONFIG,
                    advertisedHost(http) + ":" + server.port());
            HostInfo address = HostInfo.buildFromEndpoint(
                    served.streams().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
            AttributionMetrics metrics = new AttributionMetrics(meters);
            AttributionApp app = new AttributionApp(served, registry, metrics, hooks.apply(served, metrics),
                    previousRerouting);
            metrics.health("live", () -> app.health().notLive().isEmpty());
            metrics.health("ready", () -> app.health().notReady().isEmpty());
            PipelineInstance instance = new PipelineInstance(meters, jvm, server, app, address);
            server.route("/", new PageEndpoint(List.of(), "index.html"), OpsServer.Access.TOKEN);
            server.route("/overview", new PageEndpoint(List.of("overview"), "overview.html"), OpsServer.Access.TOKEN);
            server.route("/overview/data", new OverviewEndpoint(app.streams(), metrics.recent(), Clock.systemUTC(),
                    config.eventTimeMaxAhead()),
                    OpsServer.Access.TOKEN);
            server.route("/metrics", new MetricsEndpoint(meters),
                    http.auth().metrics() ? OpsServer.Access.TOKEN : OpsServer.Access.OPEN);
            server.probe("/health/", new HealthEndpoint(instance::health));
            server.route("/explain/", new ExplainEndpoint(app.streams(), address, config.explainRetention(),
                    new Peers(token)), OpsServer.Access.TOKEN);
            server.start();
            app.start();
            return instance;
        } catch (RuntimeException e) {
            server.close();
            jvm.close();
            meters.close();
            throw e;
        }
    }

    /** The configured advertised host; else the listen address, or this machine's name when listening on all. */
    private static String advertisedHost(HttpSettings http) throws IOException {
        if (http.advertisedHost() != null) {
            return http.advertisedHost();
        }
        InetAddress bound = InetAddress.getByName(http.host());
        return bound.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : http.host();
    }

    Health health() {
        return Health.of(app.health(), app.lostInput(), app.codes(), app.terms());
    }

    public AttributionApp app() {
        return app;
    }

    /** This instance's application.server: where the other instances reach it. */
    public HostInfo address() {
        return address;
    }

    /** The base URL of the HTTP endpoints on this machine. */
    public URI localUrl() {
        return server.localUrl();
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            server.close();
            jvm.close();
            meters.close();
        }
    }
}
