package org.promoattribution.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;

/** A Kafka Streams contender, ready once it reaches RUNNING. */
final class StreamsRunning implements Contender.Running {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final AtomicLong readyNanos = new AtomicLong();

    StreamsRunning(Topology topology, Properties settings) {
        streams = new KafkaStreams(topology, settings);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && readyNanos.compareAndSet(0, System.nanoTime())) {
                running.countDown();
            }
        });
        streams.start();
    }

    @Override
    public long awaitReady() throws InterruptedException {
        if (!running.await(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Kafka Streams not RUNNING after " + READY_TIMEOUT.toSeconds()
                    + " s: " + streams.state());
        }
        return readyNanos.get();
    }

    @Override
    public long cpuNanos() {
        return ThreadCpu.ofThreadsNamed(streams.metadataForLocalThreads().stream()
                .map(ThreadMetadata::threadName).collect(Collectors.toSet()));
    }

    /** Closing flushes the state stores to disk, which the state-size figures measure. */
    @Override
    public void close() {
        streams.close(Duration.ofSeconds(60));
    }
}
