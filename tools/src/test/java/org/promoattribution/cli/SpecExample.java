package org.promoattribution.cli;

/** SPEC's example as simulate's input lines (a promo code, a click, an order) and the decision line it prints. */
final class SpecExample {
    static final String CODE = "{\"type\":\"promo_code\",\"promoCodeId\":\"pc-1\",\"programId\":\"acme\","
            + "\"code\":\"SUMMER10\",\"matchType\":\"EXACT\",\"partnerId\":\"blog\",\"creditPolicy\":\"IF_WINNER\","
            + "\"dealId\":\"d-7\",\"validFrom\":\"2026-01-01T00:00:00Z\",\"validTo\":null}";
    static final String CLICK = "{\"type\":\"click\",\"clickId\":\"c1\",\"programId\":\"acme\","
            + "\"sessionId\":\"s1\",\"partnerId\":\"blog\",\"timestamp\":\"2026-06-01T10:00:00Z\"}";
    static final String ORDER = "{\"type\":\"conversion\",\"conversionId\":\"o1\",\"programId\":\"acme\","
            + "\"sessionId\":\"s1\",\"timestamp\":\"2026-06-01T10:05:00Z\",\"promoCodes\":[\"summer10\"],"
            + "\"amount\":\"59.90\",\"currency\":\"USD\"}";
    static final String DECISION = "{\"conversionId\":\"o1\",\"outcome\":\"CREDITED\","
            + "\"reason\":\"PROMO_CODE_WINNER\",\"partnerId\":\"blog\",\"basis\":\"PROMO_CODE\",\"promoCodeId\":\"pc-1\","
            + "\"promoCode\":\"summer10\",\"dealId\":\"d-7\",\"clickId\":\"c1\",\"unmatchedCodes\":[]}";

    private SpecExample() {
    }
}
