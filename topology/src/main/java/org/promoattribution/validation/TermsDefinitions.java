package org.promoattribution.validation;

import org.promoattribution.deadletter.DeadLetterReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.promoattribution.codes.Schedule;
import org.promoattribution.commission.Rate;
import org.promoattribution.commission.ReferralWindowText;
import org.promoattribution.commission.Terms;
import org.promoattribution.schemas.CommissionTerms;

/**
 * Turns a CommissionTerms record into checked {@link Terms} (SPEC "Commission", "Limits"), or says
 * why it cannot: INVALID_TERMS for what the section refuses, LIMIT_EXCEEDED for too many or too long
 * map keys and too long ids, INVALID_SCHEDULE for a bound outside 1970 to 9999 (SPEC "Time").
 */
public final class TermsDefinitions {
    public static final int MAX_RATES = 1_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TermsDefinitions() {
    }

    /** @param maxWindow referral.window.max: no window may exceed it */
    public static Terms from(CommissionTerms terms, Duration maxWindow) {
        String termsId = id("termsId", terms.getTermsId());
        String programId = id("programId", terms.getProgramId());
        String partnerId = terms.getPartnerId() == null ? null : id("partnerId", terms.getPartnerId());
        Instant from = terms.getValidFrom();
        Instant to = terms.getValidTo();
        EventTimes.scheduleBound("validFrom", from);
        EventTimes.scheduleBound("validTo", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("validFrom " + from + " is not before validTo " + to);
        }
        Duration window = terms.getReferralWindow() == null ? null : window(terms.getReferralWindow(), maxWindow);
        Map<String, Rate> codeRates = new HashMap<>();
        if (terms.getCodeRates() != null) {
            ratesLimit("codeRates", terms.getCodeRates());
            terms.getCodeRates().forEach((promoCodeId, rate) -> codeRates.put(promoCodeId,
                    rate("codeRates[" + promoCodeId + "]", present(promoCodeId, rate).getRate(), rate.getFlat())));
        }
        Map<String, BigDecimal> categoryRates = new HashMap<>();
        if (terms.getCategoryRates() != null) {
            ratesLimit("categoryRates", terms.getCategoryRates());
            terms.getCategoryRates().forEach((category, rate) ->
                    categoryRates.put(category, percent("categoryRates[" + category + "]", present(category, rate))));
        }
        return new Terms(termsId, programId, partnerId, new Schedule(from, to), window,
                rate("", terms.getRate(), terms.getFlat()), codeRates, categoryRates);
    }

    /** Avro maps hold no nulls; a record built in code might. */
    private static <T> T present(String key, T value) {
        if (value == null) {
            throw invalid("the rate of " + key + " is null");
        }
        return value;
    }

    private static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is empty");
        }
        RecordLimits.shortText(field, value);
        return value;
    }

    private static Duration window(String text, Duration max) {
        Duration window;
        try {
            window = ReferralWindowText.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (window.toMillis() < 1 || window.compareTo(max) > 0) {
            throw invalid("referralWindow " + text + " is outside 1 ms to referral.window.max (" + max + ")");
        }
        return window;
    }

    private static void ratesLimit(String field, Map<String, ?> rates) {
        if (rates.size() > MAX_RATES) {
            throw new InvalidRecordException(DeadLetterReason.LIMIT_EXCEEDED, "limit " + field + " size: the terms carry "
                    + rates.size() + " " + field + "; at most " + MAX_RATES + " are allowed");
        }
        for (String key : rates.keySet()) {
            RecordLimits.shortText(field + " key", key);
        }
    }

    /** A rate and flat; {@code prefix} names where they sit ("" for the terms' own). */
    private static Rate rate(String prefix, BigDecimal rate, BigDecimal flat) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        BigDecimal r = rate == null ? BigDecimal.ZERO : percent(at + "rate", rate);
        BigDecimal f = flat == null ? BigDecimal.ZERO : flat;
        String problem = RecordLimits.beyondDecimal204(f);
        if (problem != null) {
            throw invalid(at + "flat " + problem + " (decimal(20,4))");
        }
        if (f.signum() < 0) {
            throw invalid(at + "flat must not be negative: " + f.stripTrailingZeros().toPlainString());
        }
        return new Rate(r, f);
    }

    /** SPEC: a rate is a percent from 0 to 100 with at most 4 decimals (zeros written after them do not count). */
    private static BigDecimal percent(String field, BigDecimal rate) {
        String problem = RecordLimits.beyondDecimal204(rate);
        if (problem != null) {
            throw invalid(field + " " + problem);
        }
        if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
            throw invalid(field + " " + rate.stripTrailingZeros().toPlainString() + " is outside 0 to 100");
        }
        return rate;
    }

    private static InvalidRecordException invalid(String message) {
        return new InvalidRecordException(DeadLetterReason.INVALID_TERMS, message);
    }
}
