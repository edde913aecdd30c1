package org.promoattribution.app;

import java.time.Duration;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds Kafka Streams back until the schema registry answers. Started without it, every stream
 * thread would fail on its first record and be replaced, over and over. Instead: one attempt, and
 * while it fails one log line per attempt with the next wait (doubling up to {@link #MAX_WAIT}),
 * readiness DOWN with the reason, and the start on a thread of its own once the registry answers.
 */
final class RegistryWait implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryWait.class);
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final SchemaRegistryClient registry;
    private final ThreadFailureWatch watch;
    private final Duration firstWait;
    private final Duration maxWait;
    private Thread waiter;

    RegistryWait(SchemaRegistryClient registry, ThreadFailureWatch watch) {
        this(registry, watch, FIRST_WAIT, MAX_WAIT);
    }

    RegistryWait(SchemaRegistryClient registry, ThreadFailureWatch watch, Duration firstWait, Duration maxWait) {
        this.registry = registry;
        this.watch = watch;
        this.firstWait = firstWait;
        this.maxWait = maxWait;
    }

    /** Runs {@code start} now if the registry answers, else on a thread of its own once it does. */
    synchronized void thenStart(Runnable start) {
        if (reached(1, firstWait)) {
            start.run();
            return;
        }
        waiter = new Thread(() -> {
            Duration wait = firstWait;
            for (int attempt = 2; ; attempt++) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    return; // closed while waiting
                }
                wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
                if (reached(attempt, wait)) {
                    start.run();
                    return;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }, "promo-attribution-registry-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** One attempt; when it fails, the reason goes to the health watch and one line to the log. */
    private boolean reached(int attempt, Duration nextWait) {
        try {
            registry.checkReachable();
            watch.registryReached();
            if (attempt > 1) {
                log.info("schema registry reached after {} attempts; starting Kafka Streams", attempt);
            }
            return true;
        } catch (SchemaRegistryException e) {
            String reason = "waiting for the schema registry (attempt " + attempt + ", next in "
                    + readable(nextWait) + "): " + e.getMessage();
            watch.waitingForRegistry(reason);
            log.warn("{}", reason);
            return false;
        }
    }

    private static String readable(Duration wait) {
        return wait.toMillis() < 1_000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s";
    }

    /** Stops waiting; a start already under way completes first. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = waiter;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
