package org.promoattribution.deadletter;

/** Why a record went to the dead-letter topic (SPEC "Bad input"); the value of the {@code dlq.reason} header. */
public enum DeadLetterReason {
    /** Not the registry wire format, truncated, not Avro of the expected record, or a null value. */
    UNDECODABLE,
    /** The schema id in the record is not known to the registry. */
    UNKNOWN_SCHEMA_ID,
    /** A required field is absent or empty. */
    MISSING_FIELD,
    NEGATIVE_AMOUNT,
    /** A match type or credit policy this version does not know. */
    UNKNOWN_ENUM,
    /** A REGEX code that is not valid RE2 syntax (back-references and look-around are not). */
    INVALID_PATTERN,
    /** A code or pattern longer than 1,000 characters. */
    PATTERN_TOO_LONG,
    /** validFrom is not before validTo, or a bound outside 1970-01-01 to 9999-12-31. */
    INVALID_SCHEDULE,
    /** A promo-code definition without a key cannot be updated or deleted. */
    MISSING_KEY,
    /** An event time before 1970 or later than now + event.time.max.ahead (SPEC "Time"). */
    INVALID_TIMESTAMP,
    /**
     * Commission terms SPEC "Commission" refuses: a rate outside 0 to 100, a negative or too large
     * flat, a referralWindow out of range, validFrom not before validTo, an empty id.
     */
    INVALID_TERMS,
    /** A record beyond SPEC "Limits": too many codes or items, too long a code or id, too large an amount. */
    LIMIT_EXCEEDED,
    /** A record the pipeline failed to process for any other reason (the error says which). */
    PROCESSING_ERROR
}
