package org.promoattribution.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.promoattribution.schemas.AdjustmentKind;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.DeadLetterReason;
import org.promoattribution.validation.InvalidRecordException;
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
            case "adjustment" -> adjustment(node);
            default -> throw undecodable("unknown event type " + shown(type)
                    + " (expected click, conversion, promo_code, promo_code_delete or adjustment)");
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
                .setAmount(amount(node))
                .setCurrency(text(node, "currency"))
                .setCustomerId(text(node, "customerId"))
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
                .setAmount(kind == AdjustmentKind.REVERSAL ? null : amount(node))
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
    private static BigDecimal amount(JsonNode node) {
        JsonNode value = node.get("amount");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return decimal204(value.decimalValue());
        }
        if (!value.isTextual()) {
            throw undecodable("amount must be a decimal string or a number, not " + jsonType(value));
        }
        String text = value.textValue().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > AMOUNT_MAX_CHARS) {
            throw new RejectedEventException(DeadLetterReason.LIMIT_EXCEEDED,
                    "amount has more than " + AMOUNT_MAX_CHARS + " characters");
        }
        try {
            return decimal204(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw undecodable("amount is not a decimal number: " + shown(text));
        }
    }

    private static BigDecimal decimal204(BigDecimal amount) {
        BigDecimal exact;
        try {
            exact = amount.stripTrailingZeros(); // "1.50000" is 1.5; this never expands an exponent
        } catch (ArithmeticException e) { // a scale past an int: "100e2147483647"
            throw new RejectedEventException(DeadLetterReason.LIMIT_EXCEEDED, "amount is beyond decimal(20,4)");
        }
        try {
            RecordLimits.amount(exact);
        } catch (InvalidRecordException e) {
            throw new RejectedEventException(e.reason(), e.getMessage());
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
