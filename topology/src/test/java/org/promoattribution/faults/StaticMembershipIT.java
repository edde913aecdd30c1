package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.local.LocalStack;

/**
 * Static membership on a real broker: an instance SIGKILLed and started again on its data dir
 * rejoins under the same group.instance.id and takes its partitions back at once, where a new
 * member would wait for the dead one's session (45 s here, Kafka's default) to time out.
 */
class StaticMembershipIT {
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);
    /** Child JVM start, RocksDB open, rejoin, then the decisions: a third of the session timeout. */
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(15);

    @Test
    @Disabled("passes alone (7-10 s), but in the full CI suite the restarted member waited out the session "
            + "timeout twice (52 s): static membership's rejoin is not yet understood; issue 12 stays open")
    void anInstanceRestartedOnItsDataDirAfterSigkillDecidesAgainLongBeforeTheSessionTimeout(@TempDir Path dir)
            throws Exception {
        Workload workload = Workload.generate(20_261_127, 400,
                Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS));
        List<Workload.Slice> halves = workload.slices(2);
        try (LocalStack stack = LocalStack.temporary().start();
             Scenario scenario = new Scenario(stack, "restart", dir,
                     "session.timeout.ms", String.valueOf(SESSION_TIMEOUT.toMillis()),
                     "heartbeat.interval.ms", "3000",
                     // What is decided is not the question here, only when: no waiting for the other topic.
                     "max.task.idle.ms", "0")) {
            ChildInstance first = scenario.launchOnDataDir("first", "data").awaitRunning(0);
            scenario.send(workload.codes);
            first.awaitRunning(workload.codes.size());
            scenario.send(halves.get(0).events());
            scenario.awaitDecided(halves.get(0).owedAfter());
            // A kill during a rebalance (Kafka Streams may follow its first assignment with another)
            // leaves the group waiting for every member it expects: killed in a stable group, the
            // static member's place is simply taken back.
            Awaitility.await("a stable group").atMost(Duration.ofSeconds(60))
                    .until(() -> groupState(stack, "faults-restart") == GroupState.STABLE);

            first.kill();
            Instant killed = Instant.now();
            scenario.send(halves.get(1).events());
            ChildInstance restarted = scenario.launchOnDataDir("restarted", "data");
            Duration launched = since(killed);
            Duration running = since(killed, () -> restarted.awaitRunning(workload.codes.size()));
            Duration resumed = since(killed, () -> scenario.awaitDecided(halves.get(0).owedAfter() + 1));
            Duration done = since(killed, () -> scenario.awaitDecided(halves.get(1).owedAfter()));

            String timeline = String.format("after SIGKILL: restarted after %s, RUNNING after %s, first decision "
                    + "after %s, every conversion decided after %s", launched, running, resumed, done);
            System.out.println(timeline);
            assertThat(resumed).as(timeline).isLessThan(RESUMED_WITHIN);
            String persistedId = Files.readString(dir.resolve("data").resolve("instance.id")).trim();
            assertThat(members(stack, "faults-restart")).as("the group's members after the restart")
                    .singleElement()
                    .satisfies(m -> assertThat(m.groupInstanceId()).hasValueSatisfying(
                            id -> assertThat(id).startsWith(persistedId)));
        }
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    private static Duration since(Instant start, Runnable awaited) {
        awaited.run();
        return since(start);
    }

    private static GroupState groupState(LocalStack stack, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).groupState();
        }
    }

    private static List<MemberDescription> members(LocalStack stack, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()))) {
            return List.copyOf(admin.describeConsumerGroups(List.of(group)).all().get().get(group).members());
        }
    }
}
