package org.promoattribution.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.promoattribution.rule.TrackedClick;

/**
 * A click whose processing fails part-way (a store write throws: the record goes to the dead-letter
 * topic and the partition goes on, with what was written before kept) must leave no click behind that
 * the session does not hold: it would count for orders, and come back twice when the click is sent again.
 */
class ClickHistoryStoreFailedWriteTest {
    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(31);
    private static final SessionKey SESSION = SessionKey.of("s1", "acme");

    private boolean failNextSessionWrite;

    @Test
    void aSessionWhoseMoveToTheClickHistoryFailedHoldsOnlyItsClicksOnceMovedAfter() {
        ClickHistoryStore history = new ClickHistoryStore(Stores.inMemoryKeyValueStore("clicks").get(),
                failingOnDemand(Stores.inMemoryKeyValueStore("sessions").get()), 2);
        append(history, "c1", 0);
        append(history, "c2", 1);
        failNextSessionWrite = true;
        assertThatThrownBy(() -> append(history, "c3", 2)).hasMessageContaining("disk");
        append(history, "c4", 4); // the third click held: the session moves to the click history
        assertThat(clickIds(history)).containsExactly("c4", "c2", "c1");
        append(history, "c3", 2); // c3 again, from the dead-letter topic
        assertThat(clickIds(history)).containsExactly("c4", "c3", "c2", "c1");
    }

    private static void append(ClickHistoryStore history, String clickId, int minute) {
        history.append(SESSION, clickId, "blog", T.plusSeconds(60L * minute), RETENTION, 1000, 0);
    }

    private static List<String> clickIds(ClickHistoryStore history) {
        try (Stream<TrackedClick> clicks = history.log(SESSION).latestFirst(T.minus(RETENTION), T.plus(RETENTION))) {
            return clicks.map(TrackedClick::clickId).toList();
        }
    }

    /** The store, whose next put throws as a full disk would once {@link #failNextSessionWrite} is set. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<Bytes, byte[]> failingOnDemand(KeyValueStore<Bytes, byte[]> store) {
        return (KeyValueStore<Bytes, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put") && failNextSessionWrite) {
                        failNextSessionWrite = false;
                        throw new IllegalStateException("disk full");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
