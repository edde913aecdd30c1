package org.promoattribution.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionRate;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.LineItem;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.deadletter.DeadLetterReason;
import org.promoattribution.validation.RecordLimits;

/**
 * Reads the JSON-lines events of SPEC "Offline simulation" into the records producers would
 * write. Only what JSON cannot carry into Avro is rejected here (not JSON, unknown type, a value
 * of the wrong JSON type, a missing timestamp, an unknown enum, a malformed or unrepresentable
 * value); every other check is the topology's, so a missing string field travels as an empty
 * string and is rejected there. Fields this class does not know are ignored.
 */
public final class JsonEvents {
    /** Longer amount strings are refused before parsing: a decimal(20,4) needs at most 22 characters. */
    private static final int AMOUNT_MAX_CHARS = 1_000;
    /** How much of an offending value an error message repeats. */
    private static final int SHOWN_CHARS = 64;

    private final ObjectReader reader;

    public JsonEvents(ObjectMapper mapper) {
        // Numbers exactly as written (amounts never pass through a double), one object a line,
        // and no field given twice (which of two amounts would be paid?).
        this.reader = mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public SimEvent parse(String line) {
        return event(object(line));
    }

    /** The line as a JSON object; {@link RejectedEventException} when it is not one. */
    public ObjectNode object(String line) {
        JsonNode node;
        try {
            node = reader.readTree(line);
        } catch (JsonProcessingException e) { // includes the parser's nesting, number and string length limits
            throw undecodable("not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw undecodable("an event must be a JSON object");
        }
        return object;
    }

    public SimEvent event(ObjectNode node) {
        String type = text(node, "type");
        if (type == null) {
            throw new RejectedEventException(DeadLetterReason.MISSING_FIELD, "missing required field type");
        }
        return switch (type) {
            case "click" -> click(node);
            case "conversion" -> conversion(node);
            case "promo_code" -> promoCode(node);
            case "promo_code_delete" -> new SimEvent(SimEvent.Kind.PROMO_CODE, required(node, "promoCodeId"), null);
            case "commission_terms" -> commissionTerms(node);
            case "commission_terms_delete" ->
                    new SimEvent(SimEvent.Kind.COMMISSION_TERMS, required(node, "termsId"), null);
            case "adjustment" -> adjustment(node);
            default -> throw undecodable("unknown event type " + shown(type) + " (expected click, conversion,"
                    + " promo_code, promo_code_delete, commission_terms, commission_terms_delete or adjustment)");
        };
    }

    private SimEvent click(JsonNode node) {
        Click click = Click.newBuilder()
                .setClickId(orEmpty(node, "clickId"))
                .setProgramId(orEmpty(node, "programId"))
                .setSessionId(orEmpty(node, "sessionId"))
                .setPartnerId(orEmpty(node, "partnerId"))
                .setTimestamp(eventTime(node))
                .setLandingUrl(text(node, "landingUrl"))
                .setReferrer(text(node, "referrer"))
                .build();
        return SimEvent.of(click);
    }

    private SimEvent conversion(JsonNode node) {
        Conversion conversion = Conversion.newBuilder()
                .setConversionId(orEmpty(node, "conversionId"))
                .setProgramId(orEmpty(node, "programId"))
                .setSessionId(text(node, "sessionId"))
                .setTimestamp(eventTime(node))
                .setPromoCodes(codes(node))
                .setAmount(amount(node.get("amount")))
                .setCurrency(text(node, "currency"))
                .setCustomerId(text(node, "customerId"))
                .setItems(items(node))
                .build();
        return SimEvent.of(conversion);
    }

    private SimEvent adjustment(JsonNode node) {
        Instant timestamp = eventTime(node);
        AdjustmentKind kind = symbol(node, "kind", AdjustmentKind.class);
        ConversionAdjustment adjustment = ConversionAdjustment.newBuilder()
                .setAdjustmentId(orEmpty(node, "adjustmentId"))
                .setConversionId(orEmpty(node, "conversionId"))
                .setProgramId(orEmpty(node, "programId"))
                .setTimestamp(timestamp)
                .setKind(kind)
                // SPEC "Records": a REVERSAL's amount is ignored, whatever it holds, as the pipeline does
                .setAmount(kind == AdjustmentKind.REVERSAL ? null : amount(node.get("amount")))
                .setNote(text(node, "note"))
                .build();
        return SimEvent.of(adjustment);
    }

    private SimEvent promoCode(JsonNode node) {
        PromoCode promoCode = PromoCode.newBuilder()
                .setPromoCodeId(required(node, "promoCodeId"))
                .setProgramId(orEmpty(node, "programId"))
                .setCode(orEmpty(node, "code"))
                .setPartnerId(orEmpty(node, "partnerId"))
                .setMatchType(symbol(node, "matchType", MatchType.class))
                .setCreditPolicy(symbol(node, "creditPolicy", CreditPolicy.class))
                .setDealId(text(node, "dealId"))
                .setComments(text(node, "comments"))
                .setEmail(text(node, "email"))
                .setValidFrom(instant(node, "validFrom", DeadLetterReason.INVALID_SCHEDULE))
                .setValidTo(instant(node, "validTo", DeadLetterReason.INVALID_SCHEDULE))
                .build();
        return new SimEvent(SimEvent.Kind.PROMO_CODE, promoCode.getPromoCodeId(), promoCode);
    }

    /**
     * SPEC's terms line; an empty or missing termsId travels as "" for the topology to refuse
     * (INVALID_TERMS). Rates and flats as decimal strings or numbers: one that a decimal(20,4) cannot
     * carry (more than 4 decimals, 17 digits before the point) is INVALID_TERMS here.
     */
    private SimEvent commissionTerms(JsonNode node) {
        CommissionTerms terms = CommissionTerms.newBuilder()
                .setTermsId(orEmpty(node, "termsId"))
                .setProgramId(orEmpty(node, "programId"))
                .setPartnerId(text(node, "partnerId"))
                .setValidFrom(instant(node, "validFrom", DeadLetterReason.INVALID_SCHEDULE))
                .setValidTo(instant(node, "validTo", DeadLetterReason.INVALID_SCHEDULE))
                .setReferralWindow(text(node, "referralWindow"))
                .setRate(termsDecimal(node.get("rate"), "rate"))
                .setFlat(termsDecimal(node.get("flat"), "flat"))
                .setCodeRates(entries(node, "codeRates", (key, value) -> {
                    if (!value.isObject()) {
                        throw undecodable("codeRates." + shown(key) + " must be an object with rate and flat");
                    }
                    return CommissionRate.newBuilder()
                            .setRate(termsDecimal(value.get("rate"), "codeRates." + key + ".rate"))
                            .setFlat(termsDecimal(value.get("flat"), "codeRates." + key + ".flat"))
                            .build();
                }))
                .setCategoryRates(entries(node, "categoryRates", (key, value) -> {
                    BigDecimal rate = termsDecimal(value, "categoryRates." + key);
                    if (rate == null) {
                        throw new RejectedEventException(DeadLetterReason.INVALID_TERMS,
                                "categoryRates." + shown(key) + " has no rate");
                    }
                    return rate;
                }))
                .build();
        return new SimEvent(SimEvent.Kind.COMMISSION_TERMS, terms.getTermsId(), terms);
    }

    /** A JSON object read as a map, in its order; null when absent or null. */
    private static <V> Map<String, V> entries(JsonNode node, String field, BiFunction<String, JsonNode, V> value) {
        JsonNode object = node.get(field);
        if (object == null || object.isNull()) {
            return null;
        }
        if (!object.isObject()) {
            throw undecodable(field + " must be an object, not " + jsonType(object));
        }
        Map<String, V> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(string(field + " key", new TextNode(e.getKey())),
                value.apply(e.getKey(), e.getValue())));
        return map;
    }

    /** An order's line items; null when absent or null. */
    private static List<LineItem> items(JsonNode node) {
        JsonNode value = node.get("items");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw undecodable("items must be an array of objects, not " + jsonType(value));
        }
        List<LineItem> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String name = "items[" + i + "]";
            if (!item.isObject()) {
                throw undecodable(name + " must be an object, not " + jsonType(item));
            }
            BigDecimal unitPrice = amount(item.get("unitPrice"));
            if (unitPrice == null) {
                throw new RejectedEventException(DeadLetterReason.MISSING_FIELD,
                        "missing required field " + name + ".unitPrice");
            }
            items.add(LineItem.newBuilder()
                    .setSku(orEmpty(item, "sku"))
                    .setCategory(text(item, "category"))
                    .setQuantity(quantity(name, item.get("quantity")))
                    .setUnitPrice(unitPrice)
                    .build());
        }
        return items;
    }

    /** A whole number; one past an int cannot travel and is past the limit anyway. */
    private static int quantity(String name, JsonNode value) {
        if (value == null || value.isNull()) {
            throw new RejectedEventException(DeadLetterReason.MISSING_FIELD, "missing required field " + name
                    + ".quantity");
        }
        if (!value.isNumber()) {
            throw undecodable(name + ".quantity must be a whole number, not " + jsonType(value));
        }
        try {
            BigDecimal quantity = value.decimalValue();
            if (quantity.signum() != 0 && quantity.stripTrailingZeros().scale() > 0) {
                throw undecodable(name + ".quantity must be a whole number: " + shown(value.toString()));
            }
            return quantity.intValueExact();
        } catch (ArithmeticException e) {
            throw new RejectedEventException(DeadLetterReason.LIMIT_EXCEEDED, "limit item quantity: " + name
                    + ".quantity is " + shown(value.toString()) + "; it must be 1 to " + RecordLimits.MAX_QUANTITY);
        }
    }

    /** A string, or null when absent or null; any other JSON type is refused, not coerced. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : string(field, value);
    }

    private static String string(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw undecodable(field + " must be a string, not " + jsonType(value));
        }
        // JSON escapes can spell a lone surrogate ("\ud800"), which no UTF-8 record can carry.
        if (value.textValue().codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw undecodable(field + " is not valid Unicode (an unpaired surrogate)");
        }
        return value.textValue();
    }

    private static String orEmpty(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? "" : value;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new RejectedEventException(DeadLetterReason.MISSING_FIELD, "missing required field " + field);
        }
        return value;
    }

    private static Instant eventTime(JsonNode node) {
        Instant value = instant(node, "timestamp", DeadLetterReason.INVALID_TIMESTAMP);
        if (value == null) {
            throw new RejectedEventException(DeadLetterReason.MISSING_FIELD, "missing required field timestamp");
        }
        return value;
    }

    /**
     * ISO-8601 instants ("2026-06-01T10:00:00Z", or with an offset; read to the millisecond), or whole
     * epoch milliseconds; an instant that epoch milliseconds in a long cannot hold is {@code outOfRange}.
     */
    private static Instant instant(JsonNode node, String field, DeadLetterReason outOfRange) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            try {
                return Instant.ofEpochMilli(value.decimalValue().longValueExact());
            } catch (ArithmeticException e) {
                throw new RejectedEventException(outOfRange,
                        field + " is not a whole number of epoch milliseconds that fits a long: " + shown(value.toString()));
            }
        }
        if (!value.isTextual()) {
            throw undecodable(field + " must be an ISO-8601 string or epoch milliseconds, not " + jsonType(value));
        }
        try {
            return Instants.parse(value.textValue());
        } catch (DateTimeParseException e) {
            throw undecodable(field + " is not an ISO-8601 instant: " + shown(value.textValue()));
        } catch (ArithmeticException e) {
            throw new RejectedEventException(outOfRange,
                    field + " is out of the range of epoch milliseconds: " + shown(value.textValue()));
        }
    }

    private static List<String> codes(JsonNode node) {
        JsonNode value = node.get("promoCodes");
        List<String> codes = new ArrayList<>();
        if (value == null || value.isNull()) {
            return codes;
        }
        if (!value.isArray()) {
            throw undecodable("promoCodes must be an array of strings, not " + jsonType(value));
        }
        for (int i = 0; i < value.size(); i++) {
            codes.add(string("promoCodes[" + i + "]", value.get(i)));
        }
        return codes;
    }

    /**
     * A decimal string ("59.90", as in SPEC) or a JSON number read exactly; it travels as an Avro
     * decimal(20,4), so more digits than that are refused (SPEC "Limits"), never rounded. The
     * limit is checked before the amount is rescaled: "1e1000000000" is refused without being expanded.
     */
    private static BigDecimal amount(JsonNode value) {
        return decimal(value, "amount", DeadLetterReason.LIMIT_EXCEEDED);
    }

    /** A rate or flat of commission terms: past decimal(20,4) it is bad terms (SPEC "Commission"). */
    private static BigDecimal termsDecimal(JsonNode value, String field) {
        return decimal(value, field, DeadLetterReason.INVALID_TERMS);
    }

    /** @param beyond the reason when the value does not fit decimal(20,4) */
    private static BigDecimal decimal(JsonNode value, String field, DeadLetterReason beyond) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return decimal204(value.decimalValue(), field, beyond);
        }
        if (!value.isTextual()) {
            throw undecodable(field + " must be a decimal string or a number, not " + jsonType(value));
        }
        String text = value.textValue().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > AMOUNT_MAX_CHARS) {
            throw new RejectedEventException(beyond, field + " has more than " + AMOUNT_MAX_CHARS + " characters");
        }
        try {
            return decimal204(new BigDecimal(text), field, beyond);
        } catch (NumberFormatException e) {
            throw undecodable(field + " is not a decimal number: " + shown(text));
        }
    }

    private static BigDecimal decimal204(BigDecimal value, String field, DeadLetterReason beyond) {
        BigDecimal exact;
        try {
            exact = value.stripTrailingZeros(); // "1.50000" is 1.5; this never expands an exponent
        } catch (ArithmeticException e) { // a scale past an int: "100e2147483647"
            throw new RejectedEventException(beyond, field + " is beyond decimal(20,4)");
        }
        String problem = RecordLimits.beyondDecimal204(exact);
        if (problem != null) {
            throw new RejectedEventException(beyond, (beyond == DeadLetterReason.LIMIT_EXCEEDED
                    ? "limit " + field + " decimal(20,4): " : "") + field + " " + problem);
        }
        return exact.setScale(RecordLimits.AMOUNT_SCALE);
    }

    private static <E extends Enum<E>> E symbol(JsonNode node, String field, Class<E> type) {
        String value = text(node, field);
        if (value == null) {
            throw new RejectedEventException(DeadLetterReason.MISSING_FIELD, "missing required field " + field);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException(DeadLetterReason.UNKNOWN_ENUM, "unknown " + field + " " + shown(value));
        }
    }

    private static String jsonType(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** An offending value in an error message, cut short: the line itself may be megabytes long. */
    private static String shown(String value) {
        if (value.length() <= SHOWN_CHARS) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
        return value.substring(0, end) + "...";
    }

    private static RejectedEventException undecodable(String message) {
        return new RejectedEventException(DeadLetterReason.UNDECODABLE, message);
    }
}
