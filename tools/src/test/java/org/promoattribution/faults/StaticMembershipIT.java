package org.promoattribution.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.local.LocalKafkaBroker;
import org.promoattribution.local.LocalSchemaRegistry;
import org.promoattribution.local.LocalStack;

/**
 * Static membership on a real broker: an instance SIGKILLed and started again on its data dir
 * rejoins under the same group.instance.id and takes its partitions back at once, where a new
 * member would wait for the dead one's session to time out.
 *
 * <p>What proves it is the group coordinator's own account (the broker logs at INFO here), not a
 * clock: no member the kill left dead had its session expire; each was replaced by the restarted
 * instance's member of the same id, or, when a stream thread of the killed instance had been
 * replaced before the kill (so its member carried the next thread index), removed by the restarted
 * instance as a leftover ({@code ReplacedThreadMembers}). The session is long (5 minutes) so that
 * no load on the machine, a second failsafe fork's included, can make it expire before the restart
 * rejoins: a JVM took up to 40 s from SIGKILL to the rejoin on a loaded 2-core machine. The
 * durations are printed, never asserted.
 */
class StaticMembershipIT {
    private static final String GROUP = "faults-restart";
    private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void anInstanceRestartedOnItsDataDirAfterSigkillTakesItsPlaceBackWithoutWaitingForTheSessionTimeout(
            @TempDir Path dir) throws Exception {
        Workload workload = Workload.generate(20_261_127, 400,
                Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS));
        List<Workload.Slice> halves = workload.slices(2);
        LocalKafkaBroker broker = LocalKafkaBroker.builder().logLevel("INFO").build();
        try (LocalStack stack = new LocalStack(broker, LocalSchemaRegistry.builder().build()).start();
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
            // A member killed while the group rebalances is awaited until its session expires, static or
            // not: the claim is about a crash in a stable group.
            Awaitility.await("a stable group").atMost(Duration.ofSeconds(60))
                    .until(() -> groupState(stack) == GroupState.STABLE);

            List<MemberDescription> dead = members(stack);
            first.kill();
            Instant killed = Instant.now();
            scenario.send(halves.get(1).events());
            ChildInstance restarted = scenario.launchOnDataDir("restarted", "data");
            Duration launched = since(killed);
            Duration running = since(killed, () -> restarted.awaitRunning(workload.codes.size()));
            Duration resumed = since(killed, () -> scenario.awaitDecided(halves.get(0).owedAfter() + 1));
            Duration done = since(killed, () -> scenario.awaitDecided(halves.get(1).owedAfter()));

            String persistedId = Files.readString(dir.resolve("data").resolve("instance.id")).trim();
            String coordinator = coordinatorLines(broker);
            String evidence = String.format("after SIGKILL: restarted after %s, RUNNING after %s, first decision "
                    + "after %s, every conversion decided after %s%nmembers at the kill: %s%nthe group coordinator "
                    + "on %s:%n%s%nend of the killed instance's log:%n%s%nend of the restarted instance's log:%n%s",
                    launched, running, resumed, done, dead, GROUP, coordinator, first.logTail(), restarted.logTail());
            System.out.println(evidence);
            assertThat(dead).as(evidence).isNotEmpty()
                    .allSatisfy(member -> assertThat(coordinator).as(evidence)
                            .doesNotContain("Member " + member.consumerId() + " in group " + GROUP + " has failed")
                            .containsAnyOf("Replacing previously mapped member " + member.consumerId() + " ",
                                    // the coordinator's words when an admin (ReplacedThreadMembers) removes it
                                    "Member " + member.consumerId() + " has left group through explicit `LeaveGroup`"));
            assertThat(members(stack)).as("the group's members after the restart")
                    .singleElement()
                    .satisfies(m -> assertThat(m.groupInstanceId()).hasValue(persistedId + "-1"));
        }
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    private static Duration since(Instant start, Runnable awaited) {
        awaited.run();
        return since(start);
    }

    /** What the broker's group coordinator logged about the scenario's group. */
    private static String coordinatorLines(LocalKafkaBroker broker) throws IOException {
        try (var lines = Files.lines(broker.logFile())) {
            return lines.filter(l -> l.contains("GroupMetadataManager") && l.contains(GROUP))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static GroupState groupState(LocalStack stack) throws Exception {
        return describe(stack).groupState();
    }

    private static List<MemberDescription> members(LocalStack stack) throws Exception {
        return List.copyOf(describe(stack).members());
    }

    private static ConsumerGroupDescription describe(LocalStack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
        }
    }
}
