package org.promoattribution.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.promoattribution.config.Topics;
import org.promoattribution.load.ClientSettings;
import org.promoattribution.streams.AttributionSerdes;

/**
 * A: a plain consumer of clicks and conversions and a producer writing each conversion's bytes
 * to the output topic, nothing decoded: what the broker and clients alone sustain. Under
 * exactly-once it commits in transactions, under at-least-once it flushes then commits offsets,
 * both every {@code commit.interval.ms} as Kafka Streams does (100 ms and 30 s by default).
 */
final class RawClients implements Contender {

    @Override
    public String label() {
        return "A";
    }

    @Override
    public String name() {
        return "raw_clients";
    }

    @Override
    public List<String> topicsToCreate(RunSpec run) {
        return List.of(run.outputTopic());
    }

    @Override
    public Running start(RunSpec run, AttributionSerdes serdes) {
        return new Loop(run);
    }

    /** The consume-produce loop, on a thread of its own. */
    private static final class Loop implements Running {
        private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
        private final RunSpec run;
        private final boolean exactlyOnce;
        private final long commitIntervalMs;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final KafkaProducer<byte[], byte[]> producer;
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final AtomicLong readyNanos = new AtomicLong();
        private final CountDownLatch allRead = new CountDownLatch(1);
        private final AtomicLong allReadNanos = new AtomicLong();
        /** Where each input partition ended when the run started: the workload is written before. */
        private Map<TopicPartition, Long> endOffsets;
        /** Offsets read and, under exactly-once, committed: from then on the outputs are visible. */
        private final Map<TopicPartition, Long> done = new HashMap<>();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final Thread thread;

        Loop(RunSpec run) {
            this.run = run;
            this.exactlyOnce = run.guarantee() == Guarantee.EXACTLY_ONCE_V2;
            this.commitIntervalMs = exactlyOnce ? 100 : 30_000;
            this.consumer = new KafkaConsumer<>(consumerSettings(run), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            this.producer = new KafkaProducer<>(producerSettings(run), new ByteArraySerializer(),
                    new ByteArraySerializer());
            this.thread = new Thread(this::loop, run.id());
            thread.start();
        }

        private static Properties consumerSettings(RunSpec run) {
            Properties props = ClientSettings.consumer(run.config());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, run.id());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            return props;
        }

        private static Properties producerSettings(RunSpec run) {
            Properties props = ClientSettings.producer(run.config());
            if (run.guarantee() == Guarantee.EXACTLY_ONCE_V2) {
                props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, run.id());
            }
            return props;
        }

        private void loop() {
            Topics topics = run.config().topics();
            try {
                consumer.subscribe(List.of(topics.clicks(), topics.conversions()));
                if (exactlyOnce) {
                    producer.initTransactions();
                }
                Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
                long lastCommit = System.currentTimeMillis();
                boolean open = false;
                while (!Thread.currentThread().isInterrupted()) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty() && readyNanos.compareAndSet(0, System.nanoTime())) {
                        endOffsets = consumer.endOffsets(consumer.assignment());
                        assigned.countDown();
                    }
                    if (exactlyOnce && !open && !records.isEmpty()) {
                        producer.beginTransaction();
                        open = true;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        if (record.topic().equals(topics.conversions())) {
                            producer.send(new ProducerRecord<>(run.outputTopic(), record.key(), record.value()));
                        }
                        pending.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                    if (!exactlyOnce && !records.isEmpty()) {
                        markRead(pending);
                    }
                    if (!pending.isEmpty() && System.currentTimeMillis() - lastCommit >= commitIntervalMs) {
                        commit(pending, open);
                        open = false;
                        markRead(pending);
                        pending.clear();
                        lastCommit = System.currentTimeMillis();
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (Exception e) {
                failure.set(e);
                assigned.countDown();
                allRead.countDown();
            }
        }

        /**
         * Notes offsets as done; once every input partition is done to its end, the run has read
         * everything. At-least-once flushes then, without waiting for its 30 s offset commit.
         */
        private void markRead(Map<TopicPartition, OffsetAndMetadata> offsets) {
            offsets.forEach((partition, offset) -> done.put(partition, offset.offset()));
            if (endOffsets != null && allRead.getCount() > 0 && endOffsets.entrySet().stream()
                    .allMatch(e -> done.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                if (!exactlyOnce) {
                    producer.flush();
                }
                allReadNanos.set(System.nanoTime());
                allRead.countDown();
            }
        }

        private void commit(Map<TopicPartition, OffsetAndMetadata> offsets, boolean transactionOpen) {
            if (exactlyOnce) {
                if (transactionOpen) {
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                }
            } else {
                producer.flush();
                consumer.commitSync(offsets);
            }
        }

        @Override
        public long awaitReady() throws InterruptedException {
            assigned.await();
            if (failure.get() != null) {
                throw new IllegalStateException("raw clients failed", failure.get());
            }
            return readyNanos.get();
        }

        /** Its outputs are the conversions only; the clicks, most of the input, may still be read. */
        @Override
        public long awaitInputsRead() throws InterruptedException {
            if (!allRead.await(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("raw clients had not read every input record after "
                        + READ_TIMEOUT.toSeconds() + " s");
            }
            if (failure.get() != null) {
                throw new IllegalStateException("raw clients failed", failure.get());
            }
            return allReadNanos.get();
        }

        @Override
        public long cpuNanos() {
            return ThreadCpu.of(thread);
        }

        @Override
        public void close() {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(Duration.ofSeconds(10));
            consumer.close();
        }
    }
}
