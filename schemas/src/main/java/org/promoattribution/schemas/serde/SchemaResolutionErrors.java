package org.promoattribution.schemas.serde;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Explains why Avro could not resolve a writer schema against the reader's. Avro reports only text
 * ("Found Click, expecting Click, missing required field partnerId", "No match for MAYBE"), so
 * this reads it; SchemaEvolutionTest pins the texts of the Avro version in use.
 */
final class SchemaResolutionErrors {
    private static final Pattern MISSING_FIELD = Pattern.compile("missing required field (\\S+)");
    private static final Pattern NO_ENUM_MATCH = Pattern.compile("^No match for (\\S+)$");

    private SchemaResolutionErrors() {
    }

    static SerializationException explain(Schema reader, Schema writer, int writerId, AvroTypeException e) {
        String prefix = "cannot read " + reader.getName() + " written with schema id " + writerId + ": ";
        String avroMessage = String.valueOf(e.getMessage());
        Matcher missing = MISSING_FIELD.matcher(avroMessage);
        if (missing.find()) {
            String field = missing.group(1);
            return new SchemaResolutionException(SchemaResolutionException.Problem.MISSING_REQUIRED_FIELD, field, writerId,
                    prefix + "missing required field " + field
                            + " (the writer's schema lacks it and the reader's schema gives it no default)", e);
        }
        Matcher noMatch = NO_ENUM_MATCH.matcher(avroMessage);
        if (noMatch.find()) {
            String symbol = noMatch.group(1);
            String enumName = enumLacking(reader, writer, symbol);
            return new SchemaResolutionException(SchemaResolutionException.Problem.UNKNOWN_ENUM_SYMBOL, symbol, writerId,
                    prefix + "unknown enum symbol " + symbol + (enumName == null ? "" : " of " + enumName)
                            + " (the writer's enum has it, the reader's neither has it nor a default)", e);
        }
        return new SerializationException(prefix + avroMessage, e);
    }

    /** The reader's enum that lacks {@code symbol} while the writer's has it; null if not found. */
    private static String enumLacking(Schema reader, Schema writer, String symbol) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult()
                .getIncompatibilities().stream()
                .filter(i -> i.getType() == SchemaCompatibility.SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS)
                .filter(i -> i.getWriterFragment().getEnumSymbols().contains(symbol))
                .map(i -> i.getReaderFragment().getFullName())
                .findFirst().orElse(null);
    }
}
