package org.promoattribution.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.local.LocalStack;

/**
 * SPEC rule 1 across crashes and rebalances: after any restart a task takes the records already on
 * the broker in order across its clicks and conversions, as in steady state, so every order counts
 * the clicks of its session sent before it. Traffic streams in at about 1,000 events a second
 * while one of two instances is SIGKILLed twice, then both are killed with the broker, and the
 * last slices of traffic, sent while none runs, wait on the broker until both restart. Unlike the other fault scenarios
 * this one runs at the pipeline's default {@code max.task.idle.ms} (0): waiting is what it checks.
 */
class RuleOneAcrossCrashesIT {
    /** About 11,000 events: the 40,000 would take this 2-core machine well past 90 s. */
    private static final int CLICKS = 10_000;
    private static final int SLICES = 11;
    private static final Duration SLICE_PERIOD = Duration.ofSeconds(1);
    /** Slices sent while no instance runs: the backlog both restart on. */
    private static final int SENT_WHILE_DOWN = 3;

    @Test
    void ordersDecidedAfterCrashesAndABrokerRestartCountTheClicksAlreadyOnTheBroker(@TempDir Path dir)
            throws Exception {
        Workload workload = Workload.generate(20_261_127, CLICKS,
                Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS));
        List<Workload.Slice> slices = workload.slices(SLICES);
        int owed = slices.get(SLICES - 1).owedAfter();
        int codes = workload.codes.size();
        try (LocalStack stack = LocalStack.temporary().start();
             Scenario scenario = new Scenario(stack, "rule-one", dir, StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "0")) {
            List<ChildInstance> both = scenario.launchWithCodes(workload.codes, "a", "b");
            ChildInstance a = both.get(0);
            ChildInstance b = both.get(1);

            CompletableFuture<Void> traffic = CompletableFuture.runAsync(
                    () -> sendPaced(scenario, slices.subList(0, SLICES - SENT_WHILE_DOWN)));
            int atFirstKill = scenario.awaitDecided(owed / 6);
            a.kill();
            ChildInstance again = scenario.launch("a-again", "state-a").awaitRunning(codes);
            int atSecondKill = scenario.awaitDecided(owed / 3);
            again.kill();
            ChildInstance empty = scenario.launch("a-empty", "state-a-empty").awaitRunning(codes);
            int atLastKill = scenario.awaitDecided(owed / 2);
            empty.kill();
            b.kill();
            stack.kafka().kill();
            stack.kafka().start();
            traffic.get(3, TimeUnit.MINUTES);
            sendPaced(scenario, slices.subList(SLICES - SENT_WHILE_DOWN, SLICES));
            scenario.launch("a-last", "state-a-empty");
            scenario.launch("b-last", "state-b");

            ExactlyOnceCheck.verify(scenario, workload, "SIGKILL a with " + atFirstKill
                    + " conversions decided, again with " + atSecondKill + ", both and the broker with " + atLastKill
                    + " (of " + owed + "), both restarted on " + SENT_WHILE_DOWN + " s of traffic sent meanwhile");
        }
    }

    /** Sends the slices one a second, as traffic arrives, whatever the pipeline is doing. */
    private static void sendPaced(Scenario scenario, List<Workload.Slice> slices) {
        long start = System.nanoTime();
        for (int i = 0; i < slices.size(); i++) {
            long due = start + i * SLICE_PERIOD.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            scenario.send(slices.get(i).events());
        }
    }
}
