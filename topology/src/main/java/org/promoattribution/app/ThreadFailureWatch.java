package org.promoattribution.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams.State;
import org.promoattribution.config.HealthSettings;

/**
 * Whether the instance is ready and live, from Kafka Streams' state and its stream thread failures.
 * <p>
 * A failed stream thread is replaced, but its replacement re-reads the record that killed it: the
 * state stays RUNNING (while the replacement waits to join the group, up to the session timeout)
 * or comes back to it, while a partition may not move. So after a failure the instance is ready
 * again only once the state has come back to RUNNING (a replacement always passes through
 * REBALANCING) and stayed so for the quiet period with no new failure: a replacement that lives
 * that long is processing, one that dies on the same record keeps readiness DOWN. Time RUNNING is
 * what can be observed truthfully from outside the tasks; a record processed would not do, as a
 * thread may process other partitions' records before the failing one.
 * <p>
 * Not ready either while the start waits for the schema registry ({@link RegistryWait}); that
 * wait is live: a restart would not bring the registry back.
 * <p>
 * Not live: ERROR or PENDING_ERROR, NOT_RUNNING that no one asked for, or a crash loop: so many
 * failures within the window, and no replacement RUNNING for the quiet period since, that the
 * instance will not get out by itself (a restart may).
 */
public final class ThreadFailureWatch {
    private final HealthSettings settings;
    private final Clock clock;
    /** The latest failures, oldest first, at most as many as make a crash loop. */
    private final Deque<ThreadFailure> latest = new ArrayDeque<>();
    private State state = State.CREATED;
    private Instant runningSince = Instant.EPOCH;
    /** Whether the state came back to RUNNING after the last failure, i.e. its replacement joined. */
    private boolean rejoined = true;
    private boolean stopRequested;
    /** Why Kafka Streams is held back before its start (the registry does not answer); null once it is not. */
    private String waitingForRegistry;

    public ThreadFailureWatch(HealthSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    synchronized void stateChanged(State now) {
        if (now == State.RUNNING && state != State.RUNNING) {
            runningSince = clock.instant();
            rejoined = true;
        }
        state = now;
    }

    synchronized ThreadFailure threadFailed(Throwable thrown) {
        ThreadFailure failure = ThreadFailure.of(thrown, clock.instant());
        latest.addLast(failure);
        rejoined = false;
        if (latest.size() > settings.crashLoopFailures()) {
            latest.removeFirst();
        }
        return failure;
    }

    /** Kafka Streams is held back until the schema registry answers; {@code reason} says what it answered. */
    synchronized void waitingForRegistry(String reason) {
        waitingForRegistry = reason;
    }

    synchronized void registryReached() {
        waitingForRegistry = null;
    }

    /** The instance is being closed on purpose: NOT_RUNNING is then no failure. */
    public synchronized void stopRequested() {
        stopRequested = true;
    }

    public synchronized State state() {
        return state;
    }

    /** Why the instance is not ready; empty when it is. */
    public synchronized Optional<String> notReady() {
        if (waitingForRegistry != null) {
            return Optional.of(waitingForRegistry);
        }
        if (state != State.RUNNING) {
            return Optional.of("Kafka Streams is " + state);
        }
        ThreadFailure last = latest.peekLast();
        if (last == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (calm(now)) {
            return Optional.empty();
        }
        return Optional.of("a stream thread failed " + ago(last, now) + ": " + last.describe()
                + "; ready again once its replacement is RUNNING for " + settings.quietPeriod()
                + " without a failure (" + HealthSettings.FAILURE_QUIET_PERIOD + ")");
    }

    /** Why the instance is not live, i.e. cannot recover by itself; empty when it is live. */
    public synchronized Optional<String> notLive() {
        if (state == State.ERROR || state == State.PENDING_ERROR) {
            return Optional.of("Kafka Streams is " + state + ": its stream threads are stopped for good");
        }
        if (state == State.NOT_RUNNING && !stopRequested) {
            return Optional.of("Kafka Streams is NOT_RUNNING and no one asked it to stop");
        }
        Instant now = clock.instant();
        ThreadFailure first = latest.peekFirst();
        if (latest.size() < settings.crashLoopFailures()
                || !first.at().isAfter(now.minus(settings.crashLoopWindow())) || calm(now)) {
            return Optional.empty();
        }
        ThreadFailure last = latest.peekLast();
        return Optional.of("stream threads failed " + latest.size() + " times in " + settings.crashLoopWindow()
                + " (" + HealthSettings.CRASH_LOOP_FAILURES + " in "
                + HealthSettings.CRASH_LOOP_WINDOW + "), last " + ago(last, now) + ": "
                + last.describe() + "; a crash loop the instance does not get out of by itself");
    }

    /** RUNNING for the quiet period since the last failure's replacement joined. */
    private boolean calm(Instant now) {
        return state == State.RUNNING && rejoined
                && Duration.between(runningSince, now).compareTo(settings.quietPeriod()) >= 0;
    }

    private static String ago(ThreadFailure failure, Instant now) {
        return Duration.between(failure.at(), now).toSeconds() + " s ago";
    }
}
