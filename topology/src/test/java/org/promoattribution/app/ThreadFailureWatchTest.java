package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.promoattribution.config.HealthSettings;

class ThreadFailureWatchTest {
    private static final Duration QUIET = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final TestClock clock = new TestClock();
    private final ThreadFailureWatch watch = new ThreadFailureWatch(new HealthSettings(QUIET, 3, WINDOW), clock);

    @Test
    void aThreadFailureMakesARunningInstanceUnready() {
        running();
        assertThat(watch.notReady()).isEmpty();

        watch.threadFailed(new IllegalStateException("poison"));
        clock.advance(Duration.ofSeconds(5));

        assertThat(watch.state()).isEqualTo(State.RUNNING);
        assertThat(watch.notReady()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("a stream thread failed 5 s ago", "java.lang.IllegalStateException: poison",
                        "health.failure.quiet.period"));
        assertThat(watch.notLive()).as("one failure is no crash loop").isEmpty();
    }

    @Test
    void readyAgainOnceTheReplacementIsRunningForTheQuietPeriodWithoutAnotherFailure() {
        running();
        watch.threadFailed(new IllegalStateException("transient"));
        running(); // the replacement joined

        clock.advance(QUIET.minusMillis(1));
        assertThat(watch.notReady()).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(watch.notReady()).isEmpty();
    }

    @Test
    void theQuietPeriodCountsFromTheReturnToRunning() {
        running();
        watch.threadFailed(new IllegalStateException("transient"));
        watch.stateChanged(State.REBALANCING);
        clock.advance(QUIET.multipliedBy(3)); // restoring: time not RUNNING proves nothing

        watch.stateChanged(State.RUNNING);
        assertThat(watch.notReady()).isPresent();
        clock.advance(QUIET);
        assertThat(watch.notReady()).isEmpty();
    }

    @Test
    void stillRunningLongAfterAFailureIsNotReadyUntilTheReplacementJoins() {
        running();
        watch.threadFailed(new IllegalStateException("poison"));
        clock.advance(QUIET.multipliedBy(10)); // the replacement waits for the dead member's session to expire

        assertThat(watch.state()).isEqualTo(State.RUNNING);
        assertThat(watch.notReady()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("once its replacement is RUNNING for PT1M"));
    }

    @Test
    void aNewFailureStartsTheQuietPeriodAgain() {
        running();
        watch.threadFailed(new IllegalStateException("first"));
        running();
        clock.advance(QUIET.minusSeconds(1));
        watch.threadFailed(new IllegalStateException("second"));
        running();
        clock.advance(Duration.ofSeconds(2));

        assertThat(watch.notReady()).hasValueSatisfying(reason -> assertThat(reason).contains("second"));
    }

    @Test
    void notReadyUnlessRunning() {
        assertThat(watch.notReady()).hasValue("Kafka Streams is CREATED");
        watch.stateChanged(State.REBALANCING);
        assertThat(watch.notReady()).hasValue("Kafka Streams is REBALANCING");
    }

    @Test
    void aCrashLoopMakesTheInstanceNotLive() {
        running();
        for (int i = 0; i < 2; i++) {
            watch.threadFailed(new IllegalStateException("poison"));
            clock.advance(Duration.ofSeconds(20));
        }
        assertThat(watch.notLive()).as("two failures of three").isEmpty();

        watch.threadFailed(new StreamsException(new IllegalStateException("poison"), new TaskId(0, 1)));

        assertThat(watch.notLive()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("stream threads failed 3 times in PT10M", "last 0 s ago",
                        "java.lang.IllegalStateException: poison in task 0_1", "crash loop"));
    }

    @Test
    void failuresFurtherApartThanTheWindowAreNoCrashLoop() {
        running();
        for (int i = 0; i < 3; i++) {
            watch.threadFailed(new IllegalStateException("now and then"));
            clock.advance(WINDOW.dividedBy(2));
        }
        assertThat(watch.notLive()).isEmpty();
    }

    @Test
    void liveAgainOnceTheWindowHoldsFewerFailures() {
        running();
        for (int i = 0; i < 3; i++) {
            watch.threadFailed(new IllegalStateException("registry down"));
        }
        assertThat(watch.notLive()).isPresent();

        clock.advance(WINDOW);

        assertThat(watch.notLive()).isEmpty();
    }

    @Test
    void aCrashLoopThatEndsIsLiveAgainOnceTheReplacementRunsForTheQuietPeriod() {
        running();
        for (int i = 0; i < 3; i++) {
            watch.threadFailed(new IllegalStateException("registry down"));
            running();
        }
        assertThat(watch.notLive()).isPresent();

        clock.advance(QUIET);

        assertThat(watch.notLive()).isEmpty();
        assertThat(watch.notReady()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"ERROR", "PENDING_ERROR"})
    void errorStatesAreNotLive(State state) {
        running();
        watch.stateChanged(state);
        assertThat(watch.notLive()).hasValueSatisfying(reason -> assertThat(reason).startsWith("Kafka Streams is " + state));
    }

    @Test
    void notRunningIsLiveOnlyWhenAStopWasRequested() {
        running();
        watch.stateChanged(State.NOT_RUNNING);
        assertThat(watch.notLive()).hasValue("Kafka Streams is NOT_RUNNING and no one asked it to stop");

        watch.stopRequested();
        assertThat(watch.notLive()).isEmpty();
    }

    @Test
    void aWrappedFailureIsNamedByItsInnermostCauseAndTask() {
        ThreadFailure failure = watch.threadFailed(new StreamsException(
                new StreamsException(new ArithmeticException("/ by zero")), new TaskId(2, 5)));

        assertThat(failure.exception()).isEqualTo("java.lang.ArithmeticException");
        assertThat(failure.task()).isEqualTo("2_5");
        assertThat(failure.describe()).isEqualTo("java.lang.ArithmeticException: / by zero in task 2_5");
    }

    private void running() {
        watch.stateChanged(State.REBALANCING);
        watch.stateChanged(State.RUNNING);
    }
}
