package org.promoattribution.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.simulate.SimEvent;

/**
 * Shoppers' clicks and orders, in the order they would arrive: sessions of 1 to 20 clicks from
 * one to three partners, orders at {@link TrafficProfile#conversionRatio()} per click placed after
 * one of the session's clicks (so later clicks do not count for them), some orders without a
 * session, and a few records delivered twice, a little later, as producer retries do; optionally
 * a refund or amount change of every n-th order, an hour or so after it.
 *
 * <p>Sessions overlap in time; events are released in arrival order by holding those of the
 * sessions started so far until no session still to come can arrive earlier. Memory is bounded
 * by the sessions in flight, not by the traffic's size. The same profile gives the same events.
 */
public final class TrafficGenerator implements Iterator<SimEvent> {
    private static final int MAX_CLICKS_PER_SESSION = 20;
    private static final int MAX_PARTNERS_PER_SESSION = 3;
    private static final int DIRECT_ORDER_PERCENT = 5;
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;

    private final TrafficProfile profile;
    private final int sessionLength;
    private final int adjustmentEvery;
    private final Random random;
    private final Checkout checkout;
    private final PriorityQueue<Arrival> arrivals = new PriorityQueue<>(
            Comparator.comparingLong(Arrival::at).thenComparingLong(Arrival::order));
    private final TrafficTotals totals = new TrafficTotals();
    private long nextSessionStart;
    private long clicksPlanned;
    private long sessions;
    private long orders;
    private long enqueued;
    /** Draws the orders' line items, apart from {@link #random}: with or without items, the traffic is the same. */
    private Random items;

    private record Arrival(long at, long order, SimEvent event, boolean duplicate) {
    }

    public TrafficGenerator(TrafficProfile profile, CodeTable codes) {
        this(profile, codes, 0);
    }

    /**
     * Traffic whose sessions all have {@code sessionLength} clicks (0: 1 to 20 at random), for
     * measuring how the cost of a click depends on the length of its session's history.
     */
    public TrafficGenerator(TrafficProfile profile, CodeTable codes, int sessionLength) {
        this(profile, codes, sessionLength, 0);
    }

    /**
     * @param adjustmentEvery every this many orders one is adjusted (0: none), refunded and changed
     *                        in turn, the same traffic otherwise
     */
    public TrafficGenerator(TrafficProfile profile, CodeTable codes, int sessionLength, int adjustmentEvery) {
        if (sessionLength < 0 || adjustmentEvery < 0) {
            throw new IllegalArgumentException("the session length must not be negative: " + sessionLength);
        }
        this.profile = profile;
        this.sessionLength = sessionLength;
        this.adjustmentEvery = adjustmentEvery;
        this.random = new Random(profile.seed() + 1); // a stream of its own, apart from the code table's
        this.checkout = new Checkout(codes, random);
        this.nextSessionStart = profile.start().toEpochMilli();
    }

    /** The same traffic, its orders with line items adding up to their amounts ({@link OrderItems}). */
    public TrafficGenerator withOrderItems() {
        items = new Random(profile.seed() + 2);
        return this;
    }

    @Override
    public boolean hasNext() {
        planAhead();
        return !arrivals.isEmpty();
    }

    @Override
    public SimEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Arrival arrival = arrivals.poll();
        totals.count(arrival.event(), arrival.duplicate());
        return arrival.event();
    }

    /** What has been emitted so far; after the last event, the whole traffic's totals. */
    public TrafficTotals totals() {
        return totals;
    }

    /** Plans sessions until the earliest held event cannot be preceded by one of a later session. */
    private void planAhead() {
        while (clicksPlanned < profile.clicks() && (arrivals.isEmpty() || arrivals.peek().at() >= nextSessionStart)) {
            planSession();
        }
    }

    private void planSession() {
        long start = nextSessionStart;
        nextSessionStart += (long) (random.nextDouble() * 2 * TrafficProfile.SESSION_GAP.toMillis());
        String sessionId = "s-" + ++sessions;
        String programId = profile.programs().get(random.nextInt(profile.programs().size()));
        List<String> partners = sessionPartners();
        int length = sessionLength > 0 ? sessionLength : 1 + random.nextInt(MAX_CLICKS_PER_SESSION);
        int clicks = (int) Math.min(length, profile.clicks() - clicksPlanned);

        long[] clickTimes = new long[clicks];
        long time = start;
        for (int i = 0; i < clicks; i++) {
            clickTimes[i] = time;
            String partner = partners.get(random.nextInt(partners.size()));
            enqueue(time, SimEvent.of(Click.newBuilder()
                    .setClickId("c-" + ++clicksPlanned)
                    .setProgramId(programId)
                    .setSessionId(sessionId)
                    .setPartnerId(partner)
                    .setTimestamp(Instant.ofEpochMilli(time))
                    .setLandingUrl("https://shop.example/" + programId + "/p/" + random.nextInt(500))
                    .setReferrer("https://" + partner + ".example/")
                    .build()));
            time += 10 * SECOND + (long) (random.nextDouble() * 20 * MINUTE);
        }

        double expected = clicks * profile.conversionRatio();
        int conversions = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
        for (int i = 0; i < conversions; i++) {
            long at = clickTimes[random.nextInt(clicks)] + 5 * SECOND + (long) (random.nextDouble() * 30 * MINUTE);
            SimEvent order = order(random.nextInt(100) < DIRECT_ORDER_PERCENT ? null : sessionId, programId, partners, at);
            enqueue(at, order);
            if (adjustmentEvery > 0 && orders % adjustmentEvery == 0) {
                // no random draw: the clicks and orders stay those of the traffic without adjustments
                long later = at + (1 + orders % 60) * MINUTE;
                arrivals.add(new Arrival(later, enqueued++, adjustment((Conversion) order.value(), later), false));
            }
        }
    }

    /** One to three distinct partners sent the shopper; coupon sites among them too. */
    private List<String> sessionPartners() {
        List<String> pool = new ArrayList<>(profile.partners());
        int count = 1 + random.nextInt(Math.min(MAX_PARTNERS_PER_SESSION, pool.size()));
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    /** An order; a direct one (null session) has no clicks, so the shopper came from no partner. */
    private SimEvent order(String sessionId, String programId, List<String> partners, long at) {
        String conversionId = "o-" + ++orders;
        Conversion.Builder conversion = Conversion.newBuilder()
                .setConversionId(conversionId)
                .setProgramId(programId)
                .setSessionId(sessionId)
                .setTimestamp(Instant.ofEpochMilli(at))
                .setPromoCodes(checkout.typedCodes(programId, sessionId == null ? List.of() : partners))
                .setAmount(BigDecimal.valueOf(500 + random.nextInt(29_500), 2).setScale(4))
                .setCurrency("USD")
                .setCustomerId(random.nextInt(10) < 7 ? "cust-" + (1 + random.nextInt(5_000)) : null);
        if (items != null) {
            conversion.setItems(OrderItems.of(conversion.getAmount(), items));
        }
        return SimEvent.of(conversion.build());
    }

    private SimEvent adjustment(Conversion order, long at) {
        boolean refund = (orders / adjustmentEvery) % 2 == 0;
        ConversionAdjustment adjustment = ConversionAdjustment.newBuilder()
                .setAdjustmentId("adj-" + orders)
                .setConversionId(order.getConversionId())
                .setProgramId(order.getProgramId())
                .setTimestamp(Instant.ofEpochMilli(at))
                .setKind(refund ? AdjustmentKind.REVERSAL : AdjustmentKind.AMOUNT_CHANGE)
                .setAmount(refund ? null : order.getAmount().divide(BigDecimal.valueOf(2), 4, RoundingMode.DOWN))
                .build();
        return SimEvent.of(adjustment);
    }

    private void enqueue(long at, SimEvent event) {
        arrivals.add(new Arrival(at, enqueued++, event, false));
        if (random.nextDouble() < profile.duplicateShare()) {
            arrivals.add(new Arrival(at + SECOND + (long) (random.nextDouble() * MINUTE), enqueued++, event, true));
        }
    }
}
