package org.promoattribution.bench;

import java.util.Arrays;

/**
 * End-to-end latency of a paced run: conversion sent, to its output visible to a read_committed
 * consumer, in ms.
 *
 * @param targetRate events a second the run was paced at
 */
record Latency(String contender, Guarantee guarantee, double targetRate, int samples, long p50, long p99, long max) {

    /** Nearest-rank percentiles of {@code millis}. */
    static Latency of(String contender, Guarantee guarantee, double targetRate, long[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no latency samples");
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latency(contender, guarantee, targetRate, sorted.length, rank(sorted, 0.50), rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
