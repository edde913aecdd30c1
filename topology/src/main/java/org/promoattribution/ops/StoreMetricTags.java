package org.promoattribution.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka Streams tags its state-store meters by the store's kind ({@code rocksdb.state.id},
 * {@code rocksdb.window.state.id}, ...), so one meter name comes with different tag keys, which
 * Prometheus refuses: the second kind's meters would be dropped. This filter gives them all the
 * same keys, {@code state.id} and {@code store.type} (e.g. {@code rocksdb.window}).
 */
final class StoreMetricTags implements MeterFilter {
    private static final String PREFIX = "kafka.stream.state.";
    private static final String SUFFIX = ".state.id";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(PREFIX)) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            if (tag.getKey().endsWith(SUFFIX)) {
                tags.add(Tag.of("state.id", tag.getValue()));
                tags.add(Tag.of("store.type", tag.getKey().substring(0, tag.getKey().length() - SUFFIX.length())));
            } else {
                tags.add(tag);
            }
        }
        return id.replaceTags(tags);
    }
}
