package org.promoattribution.load;

/** Sends generated traffic in arrival order, at a steady rate when asked, showing progress in clicks. */
public final class TrafficLoader {
    private TrafficLoader() {
    }

    /**
     * Sends every event of {@code traffic} and waits for the broker's acknowledgements.
     *
     * @param pacer null to send as fast as the producer takes them
     * @return the totals sent; {@link EventSender#failed()} tells what the broker refused
     */
    public static TrafficTotals send(TrafficGenerator traffic, EventSender sender, ProgressBar progress,
                                     RatePacer pacer) throws InterruptedException {
        long sent = 0;
        while (traffic.hasNext()) {
            if (pacer != null) {
                pacer.await(sent);
            }
            sender.send(traffic.next());
            sent++;
            progress.update(traffic.totals().clicks());
        }
        sender.flush();
        progress.finish(traffic.totals().clicks());
        return traffic.totals();
    }
}
