package org.promoattribution.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Interactive commands print only their own output: the Kafka clients' lines go to the log file.
 * Driven by {@code produce} against a broker that is not there, whose producer warns every few
 * hundred milliseconds that it cannot connect (a stand-in registry registers the schema).
 */
class QuietCommandsTest {
    private static final String CLIENT_WARNING = "could not be established";

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** What reaches the process's own stdout and stderr, where Logback's console appender writes. */
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void captureConsole() throws Exception {
        configureLogbackAsShipped(); // other commands run in this JVM may have routed it to a file
        systemOut = System.out;
        systemErr = System.err;
        PrintStream captured = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
    }

    @AfterEach
    void restoreConsoleAndLogging() throws Exception {
        System.setOut(systemOut);
        System.setErr(systemErr);
        configureLogbackAsShipped();
    }

    /** As logback.xml says: everything to the console. */
    private static void configureLogbackAsShipped() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void clientLogsGoToTheLogFileAndTheConsoleHoldsOnlyTheCommandsOwnOutput() throws Exception {
        Path logFile = dir.resolve("logs").resolve("promo-attribution.log");

        assertThat(produceToAMissingBroker("--log-file", logFile.toString())).isEqualTo(1);

        assertThat(out.toString().lines()).as(err.toString()).containsExactly("sent 0 records to clicks, rejected 0 lines");
        assertThat(err.toString().lines()).first().isEqualTo("logs: " + logFile.toAbsolutePath());
        assertThat(err.toString().lines().skip(1)).singleElement().asString().startsWith("1 records were not sent");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(logFile).content().contains("WARN", "NetworkClient", CLIENT_WARNING);
    }

    @Test
    void verboseShowsTheClientLogsOnTheConsoleAndWritesNoFile() throws Exception {
        Path logFile = dir.resolve("promo-attribution.log");

        assertThat(produceToAMissingBroker("--verbose", "--log-file", logFile.toString())).isEqualTo(1);

        assertThat(console.toString(StandardCharsets.UTF_8)).contains(CLIENT_WARNING);
        assertThat(err.toString()).doesNotContain("logs:");
        assertThat(logFile).doesNotExist();
    }

    /** {@code produce} of one click to a port nobody listens on, giving up after two seconds. */
    private int produceToAMissingBroker(String... loggingOptions) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpServer registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/subjects/", exchange -> {
            byte[] registered = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(200, registered.length);
            exchange.getResponseBody().write(registered);
            exchange.close();
        });
        registry.start();
        try {
            return produce(port, "http://127.0.0.1:" + registry.getAddress().getPort(), loggingOptions);
        } finally {
            registry.stop(0);
        }
    }

    private int produce(int brokerPort, String registryUrl, String... loggingOptions) throws Exception {
        Path config = Files.writeString(dir.resolve("cluster.properties"), String.join("\n",
                "bootstrap.servers=127.0.0.1:" + brokerPort,
                "schema.registry.url=" + registryUrl,
                "max.block.ms=2000", ""));
        Path events = Files.writeString(dir.resolve("clicks.jsonl"), "{\"clickId\":\"c1\",\"programId\":\"acme\","
                + "\"sessionId\":\"s1\",\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T10:00:00Z\"}\n");
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = new String[loggingOptions.length + 5];
        String[] command = {"produce", "--config", config.toString(), "clicks", events.toString()};
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(loggingOptions, 0, args, command.length, loggingOptions.length);
        return cli.execute(args);
    }
}
