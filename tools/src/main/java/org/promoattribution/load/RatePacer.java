package org.promoattribution.load;

import java.util.concurrent.TimeUnit;

/** Holds a sender to a steady rate: the n-th event goes out no earlier than n / rate seconds after the start. */
public final class RatePacer {
    private final double perSecond;
    private final long startNanos = System.nanoTime();

    public RatePacer(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("the rate must be positive: " + perSecond);
        }
        this.perSecond = perSecond;
    }

    /** Waits until event number {@code sent} (from 0) is due. */
    public void await(long sent) throws InterruptedException {
        long due = startNanos + (long) (sent / perSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
