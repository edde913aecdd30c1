package org.promoattribution.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.simulate.SimEvent;

class TrafficGeneratorTest {

    private static List<SimEvent> generate(TrafficProfile profile) {
        List<SimEvent> events = new ArrayList<>();
        new TrafficGenerator(profile, CodeTable.generate(profile)).forEachRemaining(events::add);
        return events;
    }

    private static List<Conversion> conversions(List<SimEvent> events) {
        return events.stream().filter(e -> e.kind() == SimEvent.Kind.CONVERSION).map(e -> (Conversion) e.value())
                .toList();
    }

    @Test
    void ordersWithItemsAreTheSameOrdersWithLinesAddingUpToTheirAmounts() {
        TrafficProfile profile = TrafficProfile.defaults().withClicks(2_000);
        List<SimEvent> withItems = new ArrayList<>();
        new TrafficGenerator(profile, CodeTable.generate(profile)).withOrderItems().forEachRemaining(withItems::add);

        List<Conversion> plain = conversions(generate(profile));
        List<Conversion> itemized = conversions(withItems);
        assertThat(itemized).hasSameSizeAs(plain).isNotEmpty();
        for (int i = 0; i < plain.size(); i++) {
            Conversion order = itemized.get(i);
            assertThat(Conversion.newBuilder(order).setItems(null).build()).isEqualTo(plain.get(i));
            assertThat(order.getItems()).hasSizeBetween(1, 3);
            assertThat(order.getItems().stream().map(item -> item.getUnitPrice()
                    .multiply(java.math.BigDecimal.valueOf(item.getQuantity())))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                    .isEqualByComparingTo(order.getAmount());
            assertThat(order.getItems()).allSatisfy(item -> assertThat(item.getUnitPrice()).isNotNegative());
        }
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        TrafficProfile profile = TrafficProfile.defaults().withClicks(2_000);

        assertThat(generate(profile)).isEqualTo(generate(profile));
        assertThat(generate(profile.withSeed(99))).isNotEqualTo(generate(profile));
    }

    @Test
    void sendsExactlyTheDistinctClicksAskedForInSessionsOfOneToTwentyClicks() {
        List<SimEvent> events = generate(TrafficProfile.defaults().withClicks(5_000));

        List<Click> clicks = events.stream().filter(e -> e.kind() == SimEvent.Kind.CLICK)
                .map(e -> (Click) e.value()).toList();
        assertThat(clicks.stream().map(Click::getClickId).distinct()).hasSize(5_000);
        Map<String, Long> perSession = clicks.stream().distinct()
                .collect(Collectors.groupingBy(Click::getSessionId, Collectors.counting()));
        assertThat(perSession.values()).allMatch(n -> n >= 1 && n <= 20);
        assertThat(clicks.stream().distinct().collect(Collectors.groupingBy(Click::getSessionId,
                Collectors.mapping(Click::getPartnerId, Collectors.toSet()))).values())
                .allMatch(partners -> partners.size() <= 3)
                .anyMatch(partners -> partners.size() > 1);
        assertThat(events).allMatch(e -> e.kind() != SimEvent.Kind.CLICK
                || e.key().equals(((Click) e.value()).getSessionId()));
    }

    @Test
    void conversionsFollowTheConfiguredRatioToClicks() {
        for (double ratio : new double[] {0.1, 0.5}) {
            TrafficGenerator traffic = new TrafficGenerator(
                    TrafficProfile.defaults().withClicks(20_000).withConversionRatio(ratio),
                    CodeTable.generate(TrafficProfile.defaults()));
            traffic.forEachRemaining(e -> { });

            assertThat((double) traffic.totals().conversions()).isCloseTo(20_000 * ratio, within(20_000 * ratio * 0.05));
        }
    }

    @Test
    void totalsCountDistinctEventsAndTheFewDeliveredTwice() {
        TrafficProfile profile = TrafficProfile.defaults().withClicks(10_000);
        TrafficGenerator traffic = new TrafficGenerator(profile, CodeTable.generate(profile));
        List<SimEvent> events = new ArrayList<>();
        traffic.forEachRemaining(events::add);

        TrafficTotals totals = traffic.totals();
        assertThat(totals.clicks()).isEqualTo(10_000);
        assertThat(totals.conversions()).isEqualTo(conversions(events).stream().distinct().count());
        assertThat(totals.events()).isEqualTo(events.size());
        assertThat(totals.duplicateClicks() + totals.duplicateConversions())
                .isEqualTo(events.size() - new HashSet<>(events).size())
                .isBetween(50L, 200L); // about 1% of 11,000
    }

    @Test
    void eventsArriveInTimeOrderExceptTheRepeatedOnes() {
        Set<SimEvent> seen = new HashSet<>();
        long last = Long.MIN_VALUE;
        for (SimEvent event : generate(TrafficProfile.defaults().withClicks(3_000))) {
            if (seen.add(event)) {
                long time = event.value() instanceof Click c ? c.getTimestamp().toEpochMilli()
                        : ((Conversion) event.value()).getTimestamp().toEpochMilli();
                assertThat(time).isGreaterThanOrEqualTo(last);
                last = time;
            }
        }
    }

    @Test
    void ordersCarryNoneToThreeCodesTypedAsShoppersDo() {
        TrafficProfile profile = TrafficProfile.defaults().withClicks(20_000);
        CodeTable table = CodeTable.generate(profile);
        List<Conversion> orders = conversions(generate(profile));
        Set<String> exact = table.definitions().stream().filter(c -> c.getMatchType() == MatchType.EXACT)
                .map(PromoCode::getCode).collect(Collectors.toSet());
        List<Pattern> patterns = table.definitions().stream().filter(c -> c.getMatchType() == MatchType.REGEX)
                .map(c -> Pattern.compile(c.getCode())).toList();

        List<String> typed = orders.stream().flatMap(o -> o.getPromoCodes().stream()).map(String::trim).toList();
        assertThat(orders).allMatch(o -> o.getPromoCodes().size() <= 3)
                .anyMatch(o -> o.getPromoCodes().isEmpty())
                .anyMatch(o -> o.getPromoCodes().size() == 3)
                .anyMatch(o -> o.getSessionId() == null);
        assertThat(typed).anyMatch(exact::contains)
                .anyMatch(code -> !exact.contains(code) && exact.contains(code.toUpperCase(Locale.ROOT)))
                .anyMatch(code -> patterns.stream().anyMatch(p -> p.matcher(code).matches()))
                .anyMatch(code -> !exact.contains(code.toUpperCase(Locale.ROOT))
                        && patterns.stream().noneMatch(p -> p.matcher(code).matches()));
    }
}
