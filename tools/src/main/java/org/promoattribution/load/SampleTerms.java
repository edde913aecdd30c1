package org.promoattribution.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.promoattribution.schemas.CommissionRate;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.simulate.SimEvent;

/**
 * Commission terms for generated traffic (SPEC "Commission"). {@link #of}, the demo's: one set of
 * each kind per program, the program's default terms, and two partners of their own: the first with
 * a longer referral window, a flat per order and a code rate for one of its codes, the second with a
 * shorter window and category rates for the categories {@link OrderItems} sells. {@link
 * #halfThePartners}, the bench's: every kind at once, for half the partners.
 */
public final class SampleTerms {
    private SampleTerms() {
    }

    public static List<CommissionTerms> of(TrafficProfile profile, CodeTable codes) {
        List<String> partners = profile.clickPartners();
        List<CommissionTerms> terms = new ArrayList<>();
        for (String program : profile.programs()) {
            terms.add(CommissionTerms.newBuilder().setTermsId("t-" + program + "-default").setProgramId(program)
                    .setRate(percent("5")).build());
            String first = partners.get(0);
            CommissionTerms.Builder own = CommissionTerms.newBuilder().setTermsId("t-" + program + "-" + first)
                    .setProgramId(program).setPartnerId(first).setReferralWindow("P45D")
                    .setRate(percent("8")).setFlat(percent("0.50"));
            List<PromoCode> theirs = codes.ofPartner(program, first);
            if (!theirs.isEmpty()) {
                own.setCodeRates(Map.of(theirs.get(0).getPromoCodeId(),
                        CommissionRate.newBuilder().setRate(percent("12")).setFlat(percent("1")).build()));
            }
            terms.add(own.build());
            if (partners.size() > 1) {
                String second = partners.get(1);
                terms.add(CommissionTerms.newBuilder().setTermsId("t-" + program + "-" + second).setProgramId(program)
                        .setPartnerId(second).setReferralWindow("P14D").setRate(percent("4"))
                        .setCategoryRates(Map.of(OrderItems.SHOES, percent("10"), OrderItems.BOOKS, percent("2")))
                        .build());
            }
        }
        return terms;
    }

    /**
     * Per program: default terms with category rates, and terms of their own for every other partner
     * (half of them, coupon sites among them), each with a rate and flat, category rates, a code rate
     * for every code the partner holds in the program, and in turn a longer, a shorter or no referral
     * window of its own.
     */
    public static List<CommissionTerms> halfThePartners(TrafficProfile profile, CodeTable codes) {
        List<String> windows = Arrays.asList("P45D", "P14D", null);
        Map<String, BigDecimal> categoryRates = Map.of(OrderItems.SHOES, percent("10"), OrderItems.BOOKS, percent("2"));
        List<CommissionTerms> terms = new ArrayList<>();
        for (String program : profile.programs()) {
            terms.add(CommissionTerms.newBuilder().setTermsId("t-" + program + "-default").setProgramId(program)
                    .setRate(percent("5")).setCategoryRates(categoryRates).build());
            List<String> partners = profile.partners();
            for (int i = 0; i < partners.size(); i += 2) {
                String partner = partners.get(i);
                Map<String, CommissionRate> codeRates = new HashMap<>();
                codes.ofPartner(program, partner).forEach(code -> codeRates.put(code.getPromoCodeId(),
                        CommissionRate.newBuilder().setRate(percent("12")).setFlat(percent("1")).build()));
                terms.add(CommissionTerms.newBuilder().setTermsId("t-" + program + "-" + partner).setProgramId(program)
                        .setPartnerId(partner).setReferralWindow(windows.get(i / 2 % windows.size()))
                        .setRate(percent(String.valueOf(3 + i))).setFlat(percent("0.50"))
                        .setCodeRates(codeRates).setCategoryRates(categoryRates).build());
            }
        }
        return terms;
    }

    public static List<SimEvent> events(List<CommissionTerms> terms) {
        return terms.stream().map(t -> new SimEvent(SimEvent.Kind.COMMISSION_TERMS, t.getTermsId(), t)).toList();
    }

    /** A rate or flat as the record carries it: decimal(20,4). */
    private static BigDecimal percent(String value) {
        return new BigDecimal(value).setScale(4);
    }
}
