package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.config.HealthSettings;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.registry.SchemaRegistryUnavailableException;
import org.slf4j.LoggerFactory;

/** A thread replaced for a registry outage says so in one line; anything else keeps its stack trace. */
class ReplaceFailedThreadTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(ReplaceFailedThread.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final ReplaceFailedThread handler = new ReplaceFailedThread(new ThreadFailureWatch(
            new HealthSettings(Duration.ofSeconds(30), 5, Duration.ofMinutes(10)), Clock.systemUTC()),
            new AttributionMetrics(new SimpleMeterRegistry()));

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aRegistryOutageIsOneLineWithoutAStackTrace() {
        StreamThreadExceptionResponse response = handler.handle(new StreamsException(
                new SchemaRegistryUnavailableException("schema registry unavailable: GET /schemas/ids/7 failed", null)));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains("replacing it",
                    "SchemaRegistryUnavailableException: schema registry unavailable: GET /schemas/ids/7 failed");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void anyOtherFailureKeepsItsStackTrace() {
        handler.handle(new StreamsException(new IllegalStateException("bug")));

        assertThat(logged.list).singleElement()
                .satisfies(event -> assertThat(event.getThrowableProxy()).isNotNull());
    }
}
