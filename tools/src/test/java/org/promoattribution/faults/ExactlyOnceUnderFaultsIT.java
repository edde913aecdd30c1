package org.promoattribution.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.local.LocalStack;

/**
 * Exactly once under faults, on a real broker and registry: the same seeded workload streams
 * through the pipeline in three slices while instances crash, join and leave, and the broker
 * restarts, each fault striking once about half of a slice's conversions are decided. One order in
 * ten is refunded or changed within the hour after it, among the other traffic, some of these
 * adjustments twice, some followed by a second change, so faults strike among them too. Then the
 * committed decisions and adjustment decisions must be exactly those {@code simulate} makes (see
 * {@link ExactlyOnceCheck}).
 * Each scenario has its own topics and application.id on one shared stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceUnderFaultsIT {
    private static final int ADJUSTMENT_EVERY = 10;
    private Workload workload;
    private List<Workload.Slice> thirds;
    private int codes;
    private LocalStack stack;

    @BeforeAll
    void start() {
        workload = Workload.generate(20_260_601, 3_000,
                Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS), ADJUSTMENT_EVERY);
        thirds = workload.slices(3);
        codes = workload.codes.size();
        stack = LocalStack.temporary().start();
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    /**
     * (a) SIGKILL mid-slice; a new instance on the same state dir (its local state, and its
     * transactional id, which fences the dead one's open transaction); SIGKILL again; then one on
     * an empty state dir, which restores every store from the changelogs.
     */
    @Test
    void crashedInstancesLoseNothingAndDecideNothingTwice(@TempDir Path dir) throws Exception {
        try (Scenario scenario = new Scenario(stack, "crash", dir)) {
            ChildInstance first = scenario.launch("first", "state-1").awaitRunning(0);
            scenario.send(workload.codes);
            first.awaitRunning(codes);

            String faults = sendAndKillMidway(scenario, thirds.get(0), first);
            ChildInstance second = scenario.launch("second", "state-1").awaitRunning(codes);
            faults += "; " + sendAndKillMidway(scenario, thirds.get(1), second);
            scenario.launch("third", "state-2").awaitRunning(codes);
            scenario.send(thirds.get(2).events());

            ExactlyOnceCheck.verify(scenario, workload, faults + "; third, on an empty state dir, did the rest");
        }
    }

    /**
     * (b) Two instances with a standby replica each; a third joins mid-slice, then one of the
     * first two leaves (SIGTERM, graceful) mid-slice: tasks move twice, standbys take over.
     */
    @Test
    void instancesJoiningAndLeavingMidStreamLoseNothingAndDecideNothingTwice(@TempDir Path dir) throws Exception {
        try (Scenario scenario = new Scenario(stack, "rebalance", dir,
                StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1")) {
            ChildInstance a = scenario.launchWithCodes(workload.codes, "a", "b").get(0);

            scenario.send(thirds.get(0).events());
            int atJoin = scenario.awaitDecided(thirds.get(0).midway());
            ChildInstance c = scenario.launch("c", "state-c");
            scenario.send(thirds.get(1).events());
            c.awaitRunning(codes);
            int atLeave = scenario.awaitDecided(thirds.get(1).midway());
            a.stop();
            scenario.send(thirds.get(2).events());

            ExactlyOnceCheck.verify(scenario, workload, "c joined with " + atJoin + " conversions decided, "
                    + "a left with " + atLeave + " decided");
        }
    }

    /** (c) The broker restarts mid-slice, once gracefully and once after SIGKILL, same data and port. */
    @Test
    void brokerRestartsMidStreamLoseNothingAndDecideNothingTwice(@TempDir Path dir) throws Exception {
        try (Scenario scenario = new Scenario(stack, "broker", dir)) {
            ChildInstance only = scenario.launch("only", "state").awaitRunning(0);
            scenario.send(workload.codes);
            only.awaitRunning(codes);

            scenario.send(thirds.get(0).events());
            int atRestart = scenario.awaitDecided(thirds.get(0).midway());
            stack.kafka().restart();
            scenario.send(thirds.get(1).events());
            int atKill = scenario.awaitDecided(thirds.get(1).midway());
            stack.kafka().kill();
            stack.kafka().start();
            scenario.send(thirds.get(2).events());

            ExactlyOnceCheck.verify(scenario, workload, "broker restarted with " + atRestart
                    + " conversions decided, killed and started with " + atKill + " decided");
        }
    }

    /** Sends a slice and kills the instance once it has decided about half of the slice's conversions. */
    private static String sendAndKillMidway(Scenario scenario, Workload.Slice slice, ChildInstance instance) {
        scenario.send(slice.events());
        int atKill = scenario.awaitDecided(slice.midway());
        int adjustedAtKill = scenario.adjustments.size();
        instance.kill();
        return "SIGKILL " + instance.name + " with " + atKill + " conversions decided (of " + slice.owedAfter()
                + " owed so far) and " + adjustedAtKill + " adjustments";
    }
}
