package org.promoattribution.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SteadyWindowTest {

    @Test
    void theWindowRunsFromTheOutputAtATenthToTheOneAtNineTenths_withTheCpuUsedBetween() {
        AtomicLong cpu = new AtomicLong();
        SteadyWindow window = new SteadyWindow(1_000);
        window.measuring(cpu::get);
        for (long seen = 1; seen <= 1_000; seen++) {
            cpu.addAndGet(10); // 10 ns of CPU per output: 800 outputs between the marks
            window.seen(seen);
        }

        SteadyWindow.Steady steady = window.result();
        assertThat(steady.share()).isCloseTo(0.8, within(1e-9));
        assertThat(steady.cpuNanos()).isEqualTo(8_000);
        assertThat(steady.seconds()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void outputsSeenBeforeTheContenderRuns_orARunEndingBeforeNineTenths_giveNoWindow() {
        SteadyWindow notMeasured = new SteadyWindow(1_000);
        for (long seen = 1; seen <= 1_000; seen++) {
            notMeasured.seen(seen);
        }
        SteadyWindow cutShort = new SteadyWindow(1_000);
        cutShort.measuring(() -> 5);
        for (long seen = 1; seen <= 500; seen++) {
            cutShort.seen(seen);
        }

        assertThat(notMeasured.result()).isNull();
        assertThat(cutShort.result()).isNull();
    }

    @Test
    void threadsThatCannotBeRead_giveNoWindow_andTheRunGoesOn() {
        SteadyWindow window = new SteadyWindow(100);
        window.measuring(() -> {
            throw new IllegalStateException("not running");
        });
        for (long seen = 1; seen <= 100; seen++) {
            window.seen(seen);
        }

        assertThat(window.result()).isNull();
    }

    @Test
    void steadyRatesTakeTheWindowsShareOfTheRecords() {
        Throughput run = new Throughput("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 10_000, 1_000_000,
                3, 3_000_000_000L, 0, 0, 0, 0, new SteadyWindow.Steady(0.8, 1, 400_000_000L));

        assertThat(run.steadyRecordsPerSecond()).isCloseTo(8_000, within(1e-6));
        assertThat(run.steadyRecordsPerCpuSecond()).isCloseTo(20_000, within(1e-6));
        assertThat(run.steadyCpuMicrosPerRecord()).isCloseTo(50, within(1e-9));
        assertThat(new Throughput("main", BenchResults.ATTRIBUTION, Guarantee.EXACTLY_ONCE_V2, 10_000, 1_000_000, 3,
                0, 0, 0, 0, 0).steadyCpuMicrosPerRecord()).isNaN();
    }
}
