package org.promoattribution.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** Which group member a replaced stream thread leaves behind (the removal itself: it.StreamThreadDeathIT). */
class ReplacedThreadMembersTest {
    private static final Map<String, Object> STATIC = Map.of("application.id", "promo-attribution",
            "bootstrap.servers", "127.0.0.1:9", "group.instance.id", "pod-0");

    @Test
    void aThreadsMemberIsTheInstanceIdSuffixedWithTheThreadsIndex() {
        ReplacedThreadMembers members = ReplacedThreadMembers.of(STATIC).orElseThrow();
        assertThat(members.memberOf("promo-attribution-8f1c-StreamThread-1")).hasValue("pod-0-1");
        assertThat(members.memberOf("promo-attribution-8f1c-StreamThread-12")).hasValue("pod-0-12");
        assertThat(members.memberOf("promo-attribution-8f1c-GlobalStreamThread")).isEmpty();
        members.close();
    }

    @Test
    void theMainConsumersOwnInstanceIdWins() {
        ReplacedThreadMembers members = ReplacedThreadMembers.of(Map.of("application.id", "a",
                "bootstrap.servers", "127.0.0.1:9", "group.instance.id", "pod-0",
                "consumer.group.instance.id", "consumer-0", "main.consumer.group.instance.id", "main-0")).orElseThrow();
        assertThat(members.memberOf("a-StreamThread-2")).hasValue("main-0-2");
        members.close();
    }

    @Test
    void withoutStaticMembershipThereIsNothingToRemove() {
        assertThat(ReplacedThreadMembers.of(Map.of("application.id", "a"))).isEmpty();
        assertThat(ReplacedThreadMembers.of(Map.of("application.id", "a", "group.instance.id", " "))).isEmpty();
    }

    @Test
    void theHandlersAnswerPassesUnchanged() {
        ReplacedThreadMembers members = ReplacedThreadMembers.of(STATIC).orElseThrow();
        assertThat(members.after(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT).handle(new RuntimeException()))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        members.close();
    }

    @Test
    void leftoversAreThisInstancesMembersAboveTheThreadsThisProcessRuns() {
        ReplacedThreadMembers members = ReplacedThreadMembers.of(STATIC).orElseThrow();
        assertThat(members.leftovers(List.of("pod-0-1", "pod-0-2", "pod-0-3", "pod-0-x", "pod-0-10-1", "pod-1-2",
                "pod-0", "other-pod-0-2", "pod-0-99999999999"), 2)).containsExactly("pod-0-3");
        members.close();
    }
}
