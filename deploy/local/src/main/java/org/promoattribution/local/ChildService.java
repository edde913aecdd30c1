package org.promoattribution.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the local broker and registry have in common: a data directory with the child's log in it, and the
 * lifecycle of one child JVM (start and wait until it answers, stop, kill, close). Subclasses say how
 * to launch their child and how to tell that it is ready.
 *
 * <p>A base class rather than a member: the public methods here are part of each service's API, and all of a
 * service's methods lock the same object, so {@code restart()} cannot interleave with a {@code stop()}.
 */
abstract class ChildService implements AutoCloseable {

    /** One readiness check. */
    @FunctionalInterface
    interface Probe {
        /** Null when the child is ready, else why not; a checked exception counts as "not yet". */
        String notReady() throws Exception;
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final DataDir dataDir;
    private final Path logFile;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private JavaChild child;

    /**
     * @param name what log lines and errors call the service, e.g. "Kafka broker"
     * @param logFileName the child's output, in the data directory, appended across restarts
     */
    ChildService(String name, DataDir dataDir, String logFileName, Duration startTimeout, Duration stopTimeout) {
        this.name = name;
        this.dataDir = dataDir;
        this.logFile = dataDir.path().resolve(logFileName);
        this.startTimeout = startTimeout;
        this.stopTimeout = stopTimeout;
    }

    /** Starts the child JVM, after writing whatever it needs; called with this service locked. */
    abstract JavaChild launch();

    /** Returns once the child answers, using {@link #poll} for each step. */
    abstract void awaitReady(long deadlineNanos);

    /** Where clients reach the service, for log lines and errors. */
    abstract String address();

    /** Launches the child unless it runs; a child that does not become ready in time is killed. */
    final synchronized void startChild() {
        if (isRunning()) {
            return;
        }
        long began = System.nanoTime();
        child = launch();
        try {
            awaitReady(began + startTimeout.toNanos());
        } catch (RuntimeException e) {
            child.kill();
            throw e;
        }
        log.info("{} ready at {} in {} ms (pid {}, log {})", name, address(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), child.pid(), logFile);
    }

    /**
     * Runs {@code probe} every 100 ms until it reports ready.
     *
     * @throws LocalServiceException if the child exits first or the deadline passes; the message holds the end
     *     of the log
     */
    final void poll(long deadlineNanos, Probe probe) {
        while (true) {
            if (!child.isAlive()) {
                throw new LocalServiceException(name + " exited with code " + child.exitCode()
                        + " while starting; end of " + logFile + ":\n" + logTail(60));
            }
            String last;
            Throwable lastError = null;
            try {
                last = probe.notReady();
                if (last == null) {
                    return;
                }
            } catch (InterruptedException e) {
                throw interrupted(e);
            } catch (RuntimeException e) {
                throw e; // a bug, not a child still starting
            } catch (Exception e) {
                // Kafka's futures wrap the error that says why.
                lastError = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                last = lastError.toString();
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new LocalServiceException(name + " at " + address() + " did not answer within "
                        + startTimeout + " (last: " + last + "); end of " + logFile + ":\n" + logTail(60),
                        lastError);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
        }
    }

    private LocalServiceException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new LocalServiceException("interrupted while waiting for the " + name, e);
    }

    final Duration startTimeout() {
        return startTimeout;
    }

    public Path dataDir() {
        return dataDir.path();
    }

    /** The child's output: its WARN and ERROR lines, start-up failures, JVM crashes. */
    public Path logFile() {
        return logFile;
    }

    /** The last lines of {@link #logFile()}. */
    public String logTail(int lines) {
        return JavaChild.tail(logFile, lines);
    }

    public synchronized boolean isRunning() {
        return child != null && child.isAlive();
    }

    /** Process id of the running child, or -1. */
    public synchronized long pid() {
        return isRunning() ? child.pid() : -1;
    }

    /**
     * SIGTERM, then SIGKILL if the child is still up after the stop timeout. The data directory is kept, so
     * {@code start()} brings the service back on the same ports (a registry without one loses its schemas).
     */
    public synchronized void stop() {
        if (child != null) {
            child.stop(stopTimeout);
            child = null;
        }
    }

    /** SIGKILL at once, as a crash would. The data directory is kept. */
    public synchronized void kill() {
        if (child != null) {
            child.kill();
            child = null;
        }
    }

    /** Stops the child; deletes the data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        stop();
        dataDir.deleteIfTemporary();
    }
}
