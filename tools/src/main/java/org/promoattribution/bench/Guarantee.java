package org.promoattribution.bench;

import org.apache.kafka.streams.StreamsConfig;

/** The processing guarantees every contender is measured under, as Kafka Streams names them. */
public enum Guarantee {
    EXACTLY_ONCE_V2(StreamsConfig.EXACTLY_ONCE_V2, "eos"),
    AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE, "alos");

    private final String setting;
    private final String label;

    Guarantee(String setting, String label) {
        this.setting = setting;
        this.label = label;
    }

    /** The value of {@code processing.guarantee}. */
    public String setting() {
        return setting;
    }

    /** A short name for tables, JSON keys and topic names. */
    public String label() {
        return label;
    }
}
