package org.promoattribution.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.DeadLetterReason;

/**
 * Reads the JSON-lines events of SPEC "Offline simulation" into the records producers would
 * write. Only what JSON cannot carry into Avro is rejected here (not JSON, unknown type, a
 * missing timestamp, an unknown enum, a malformed value); every other check is the topology's,
 * so a missing string field travels as an empty string and is rejected there.
 */
public final class JsonEvents {
    private static final int AMOUNT_SCALE = 4;
    private final ObjectMapper mapper;

    public JsonEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public SimEvent parse(String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE, "an event must be a JSON object");
        }
        String type = text(node, "type");
        if (type == null) {
            throw new RejectedEventException(DeadLetterReason.MISSING_FIELD, "missing required field type");
        }
        return switch (type) {
            case "click" -> click(node);
            case "conversion" -> conversion(node);
            case "promo_code" -> promoCode(node);
            case "promo_code_delete" -> new SimEvent(SimEvent.Kind.PROMO_CODE, required(node, "promoCodeId"), null);
            default -> throw new RejectedEventException(DeadLetterReason.UNDECODABLE, "unknown event type " + type
                    + " (expected click, conversion, promo_code or promo_code_delete)");
        };
    }

    private SimEvent click(JsonNode node) {
        Click click = Click.newBuilder()
                .setClickId(orEmpty(node, "clickId"))
                .setProgramId(orEmpty(node, "programId"))
                .setSessionId(orEmpty(node, "sessionId"))
                .setPartnerId(orEmpty(node, "partnerId"))
                .setTimestamp(requiredInstant(node, "timestamp"))
                .setLandingUrl(text(node, "landingUrl"))
                .setReferrer(text(node, "referrer"))
                .build();
        return new SimEvent(SimEvent.Kind.CLICK, click.getSessionId(), click);
    }

    private SimEvent conversion(JsonNode node) {
        Conversion conversion = Conversion.newBuilder()
                .setConversionId(orEmpty(node, "conversionId"))
                .setProgramId(orEmpty(node, "programId"))
                .setSessionId(text(node, "sessionId"))
                .setTimestamp(requiredInstant(node, "timestamp"))
                .setPromoCodes(codes(node))
                .setAmount(amount(node))
                .setCurrency(text(node, "currency"))
                .setCustomerId(text(node, "customerId"))
                .build();
        String session = conversion.getSessionId();
        return new SimEvent(SimEvent.Kind.CONVERSION,
                session == null || session.isEmpty() ? conversion.getConversionId() : session, conversion);
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
                .setValidFrom(instant(node, "validFrom"))
                .setValidTo(instant(node, "validTo"))
                .build();
        return new SimEvent(SimEvent.Kind.PROMO_CODE, promoCode.getPromoCodeId(), promoCode);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE, field + " must be a string");
        }
        return value.asText();
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

    private static Instant requiredInstant(JsonNode node, String field) {
        Instant value = instant(node, field);
        if (value == null) {
            throw new RejectedEventException(DeadLetterReason.MISSING_FIELD, "missing required field " + field);
        }
        return value;
    }

    /** ISO-8601 instants ("2026-06-01T10:00:00Z", or with an offset), or epoch milliseconds. */
    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE,
                    field + " is not an ISO-8601 instant: " + value.asText());
        }
    }

    private static List<String> codes(JsonNode node) {
        JsonNode value = node.get("promoCodes");
        List<String> codes = new ArrayList<>();
        if (value == null || value.isNull()) {
            return codes;
        }
        if (!value.isArray()) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE, "promoCodes must be an array of strings");
        }
        value.forEach(code -> {
            if (!code.isNull()) {
                codes.add(code.asText());
            }
        });
        return codes;
    }

    /** Amounts travel as Avro decimals of scale 4; more precision than that is refused, not rounded. */
    private static BigDecimal amount(JsonNode node) {
        String value = text(node, "amount");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim()).setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE, "amount is not a decimal number: " + value);
        } catch (ArithmeticException e) {
            throw new RejectedEventException(DeadLetterReason.UNDECODABLE,
                    "amount has more than " + AMOUNT_SCALE + " decimal places: " + value);
        }
    }

    private static <E extends Enum<E>> E symbol(JsonNode node, String field, Class<E> type) {
        String value = text(node, field);
        if (value == null) {
            throw new RejectedEventException(DeadLetterReason.MISSING_FIELD, "missing required field " + field);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException(DeadLetterReason.UNKNOWN_ENUM, "unknown " + field + " " + value);
        }
    }
}
