package org.promoattribution.hostile;

import static org.promoattribution.hostile.Expected.accepted;
import static org.promoattribution.hostile.Expected.acceptedOr;
import static org.promoattribution.hostile.Expected.deadLetter;
import static org.promoattribution.hostile.InputRecord.utf8;
import static org.promoattribution.deadletter.DeadLetterReason.INVALID_PATTERN;
import static org.promoattribution.deadletter.DeadLetterReason.INVALID_SCHEDULE;
import static org.promoattribution.deadletter.DeadLetterReason.INVALID_TIMESTAMP;
import static org.promoattribution.deadletter.DeadLetterReason.LIMIT_EXCEEDED;
import static org.promoattribution.deadletter.DeadLetterReason.MISSING_FIELD;
import static org.promoattribution.deadletter.DeadLetterReason.MISSING_KEY;
import static org.promoattribution.deadletter.DeadLetterReason.NEGATIVE_AMOUNT;
import static org.promoattribution.deadletter.DeadLetterReason.PATTERN_TOO_LONG;
import static org.promoattribution.deadletter.DeadLetterReason.UNDECODABLE;
import static org.promoattribution.deadletter.DeadLetterReason.UNKNOWN_SCHEMA_ID;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.streams.RoutingKey;

/**
 * Hostile records of every input type, all in a program of their own ({@link #PROGRAM}) and
 * sessions of their own, so that those SPEC accepts cannot change the decisions of the
 * traffic they are mixed into: valid encodings to damage, and the boundary values of every field
 * (SPEC "Records", "Time", "Limits", "Bad input"), each with what SPEC says must become of it.
 */
public final class HostileRecords {
    public static final String PROGRAM = "hostile";
    static final Duration MAX_AHEAD = Duration.ofHours(1); // event.time.max.ahead's default
    private static final Instant LAST_SCHEDULE_INSTANT = Instant.parse("9999-12-31T23:59:59.999Z");

    private final WireRecords wire;
    private final Instant now;
    private final Duration slack;
    private int serial;

    /**
     * @param now   the pipeline's "now" when the records are processed
     * @param slack how much later than {@code now} they may be processed: the event times just
     *              outside SPEC's bounds lie this much further out, those just inside this much further in
     */
    public HostileRecords(WireRecords wire, Instant now, Duration slack) {
        this.wire = wire;
        this.now = now;
        this.slack = slack;
    }

    public WireRecords wire() {
        return wire;
    }

    public Click click() {
        int n = ++serial;
        return Click.newBuilder()
                .setClickId("hostile-click-" + n)
                .setProgramId(PROGRAM)
                .setSessionId("hostile-session-" + n % 7)
                .setPartnerId("hostile-partner-" + n % 3)
                .setTimestamp(now.minus(Duration.ofMinutes(n % 60)))
                .setLandingUrl("https://shop.example/hostile/" + n)
                .setReferrer("https://hostile.example/")
                .build();
    }

    public Conversion conversion() {
        int n = ++serial;
        return Conversion.newBuilder()
                .setConversionId("hostile-order-" + n)
                .setProgramId(PROGRAM)
                .setSessionId("hostile-session-" + n % 7)
                .setTimestamp(now.minus(Duration.ofMinutes(n % 60)))
                .setPromoCodes(List.of("HOSTILE-" + n % 5, " hostile-" + n % 3 + " "))
                .setAmount(new BigDecimal("12.3400"))
                .setCurrency("EUR")
                .setCustomerId("hostile-customer-" + n)
                .build();
    }

    public PromoCode promoCode() {
        int n = ++serial;
        return PromoCode.newBuilder()
                .setPromoCodeId("hostile-pc-" + n)
                .setProgramId(PROGRAM)
                .setCode(n % 2 == 0 ? "HOSTILE-" + n % 5 : "hostile-[0-9]")
                .setPartnerId("hostile-partner-" + n % 3)
                .setMatchType(n % 2 == 0 ? MatchType.EXACT : MatchType.REGEX)
                .setCreditPolicy(CreditPolicy.values()[n % 3])
                .setDealId("hostile-deal-" + n)
                .setComments("say hello")
                .setEmail("partner@hostile.example")
                .setValidFrom(Instant.EPOCH)
                .setValidTo(n % 2 == 0 ? null : now.plus(Duration.ofDays(1)))
                .build();
    }

    /** A valid record of each type, keyed as SPEC says: the material that the byte-level damage starts from. */
    public List<InputRecord> validRecords() {
        return List.of(click("a valid click", b -> { }, accepted()),
                conversion("a valid conversion", b -> { }, accepted()),
                promoCode("a valid promo code", b -> { }, accepted()));
    }

    /**
     * A mix of every kind of record SPEC refuses, for a real broker: all must end in the dead-letter
     * topic. Bytes that are not the wire format, valid encodings cut short or under unknown schema
     * ids, null values, and every boundary value on the wrong side of its bound.
     */
    public List<InputRecord> refusedMix(Random random) {
        List<InputRecord> mix = new ArrayList<>();
        for (InputRecord valid : validRecords()) {
            byte[] bytes = new byte[1 + random.nextInt(300)];
            random.nextBytes(bytes);
            bytes[0] = (byte) (1 + random.nextInt(255)); // not the wire format's magic byte
            mix.add(new InputRecord("random bytes", valid.input(), valid.key(), bytes, deadLetter(UNDECODABLE)));
            int cut = random.nextInt(valid.value().length);
            mix.add(new InputRecord(valid.what() + " cut to " + cut + " bytes", valid.input(), valid.key(),
                    WireRecords.truncated(valid.value(), cut), deadLetter(UNDECODABLE)));
            for (int unknownId : new int[] {987_654, Integer.MAX_VALUE, -1}) {
                mix.add(new InputRecord(valid.what() + " under unknown schema id " + unknownId, valid.input(),
                        valid.key(), WireRecords.underSchemaId(valid.value(), unknownId),
                        deadLetter(UNKNOWN_SCHEMA_ID)));
            }
        }
        boundaryValues().stream().filter(r -> r.expected().mustBeDeadLettered()).forEach(mix::add);
        strangeKeys().stream().filter(r -> r.expected().mustBeDeadLettered()).forEach(mix::add);
        return mix;
    }

    /** The boundary values of every field, each on both sides of its bound where it has one. */
    public List<InputRecord> boundaryValues() {
        List<InputRecord> cases = new ArrayList<>();
        clickBoundaries(cases);
        conversionBoundaries(cases);
        promoCodeBoundaries(cases);
        nullsAndEmpties(cases);
        return cases;
    }

    /** Valid records under keys that are not their session (or, for definitions, missing). */
    public List<InputRecord> strangeKeys() {
        List<InputRecord> cases = new ArrayList<>();
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0};
        byte[] long10k = utf8("k".repeat(10_000));
        for (byte[] key : List.of(new byte[0], notUtf8, long10k, utf8("s-1"), utf8("hostile-session-0"))) {
            cases.add(keyed(key, click("a click keyed otherwise", b -> { }, accepted())));
            cases.add(keyed(key, conversion("a conversion keyed otherwise", b -> { }, accepted())));
        }
        cases.add(keyed(null, click("a click without key", b -> { }, accepted())));
        cases.add(keyed(null, conversion("a conversion without key", b -> { }, accepted())));
        cases.add(keyed(null, conversion("a conversion without key or session", b -> b.setSessionId(null),
                accepted())));
        cases.add(keyed(null, promoCode("a definition without key", b -> { }, deadLetter(MISSING_KEY))));
        cases.add(keyed(utf8("hostile-pc-other"), promoCode("a definition keyed by another id", b -> { },
                accepted())));
        return cases;
    }

    private void clickBoundaries(List<InputRecord> cases) {
        textField(cases, "clickId", v -> click("clickId " + describe(v), b -> b.setClickId(v), null));
        textField(cases, "programId",
                v -> click("programId " + describe(v), b -> b.setProgramId(v), null));
        textField(cases, "sessionId", v -> click("sessionId " + describe(v), b -> b.setSessionId(v), null));
        textField(cases, "partnerId", v -> click("partnerId " + describe(v), b -> b.setPartnerId(v), null));
        for (Timestamp t : eventTimes()) {
            cases.add(click("click at " + t.what, b -> b.setTimestamp(t.at), t.expected));
        }
        cases.add(click("a 100,000-character landingUrl and referrer",
                b -> b.setLandingUrl("u".repeat(100_000)).setReferrer("r".repeat(100_000)), accepted()));
        cases.add(click("empty landingUrl and referrer", b -> b.setLandingUrl("").setReferrer(""), accepted()));
    }

    private void conversionBoundaries(List<InputRecord> cases) {
        textField(cases, "conversionId",
                v -> conversion("conversionId " + describe(v), b -> b.setConversionId(v), null));
        textField(cases, "programId",
                v -> conversion("programId " + describe(v), b -> b.setProgramId(v), null));
        for (int length : new int[] {256, 257}) {
            Expected expected = length > 256 ? deadLetter(LIMIT_EXCEEDED) : accepted();
            cases.add(conversion("sessionId of " + length, b -> b.setSessionId("s".repeat(length)), expected));
            cases.add(conversion("customerId of " + length, b -> b.setCustomerId("c".repeat(length)), expected));
            cases.add(conversion("currency of " + length, b -> b.setCurrency("C".repeat(length)), expected));
        }
        cases.add(conversion("no session", b -> b.setSessionId(null), accepted()));
        cases.add(conversion("an empty session", b -> b.setSessionId(""), accepted()));
        cases.add(conversion("no codes", b -> b.setPromoCodes(List.of()), accepted()));
        cases.add(conversion("only empty and blank codes", b -> b.setPromoCodes(List.of("", " ", "\t")), accepted()));
        cases.add(conversion("100 codes", b -> b.setPromoCodes(codes(100)), accepted()));
        cases.add(conversion("101 codes", b -> b.setPromoCodes(codes(101)), deadLetter(LIMIT_EXCEEDED)));
        cases.add(conversion("101 blank codes (counted as typed)",
                b -> b.setPromoCodes(Collections.nCopies(101, " ")), deadLetter(LIMIT_EXCEEDED)));
        cases.add(conversion("a code of 1,000 characters", b -> b.setPromoCodes(List.of("C".repeat(1000))),
                accepted()));
        cases.add(conversion("a code of 1,000 characters in 1,200 of blanks",
                b -> b.setPromoCodes(List.of(" ".repeat(100) + "C".repeat(1000) + "\t".repeat(100))), accepted()));
        cases.add(conversion("a code of 1,001 characters", b -> b.setPromoCodes(List.of("C".repeat(1001))),
                deadLetter(LIMIT_EXCEEDED)));
        cases.add(conversion("a code of 100,000 characters", b -> b.setPromoCodes(List.of("C".repeat(100_000))),
                deadLetter(LIMIT_EXCEEDED)));
        amount(cases, "0", accepted());
        amount(cases, "-0.0001", deadLetter(NEGATIVE_AMOUNT));
        amount(cases, "9999999999999999.9999", accepted());
        amount(cases, "10000000000000000", deadLetter(LIMIT_EXCEEDED));
        amount(cases, "-10000000000000000", deadLetter(NEGATIVE_AMOUNT, LIMIT_EXCEEDED));
        amount(cases, "1" + "0".repeat(100), deadLetter(LIMIT_EXCEEDED));
        cases.add(conversion("no amount and no currency", b -> b.setAmount(null).setCurrency(null), accepted()));
        for (Timestamp t : eventTimes()) {
            cases.add(conversion("conversion at " + t.what, b -> b.setTimestamp(t.at), t.expected));
        }
    }

    private void promoCodeBoundaries(List<InputRecord> cases) {
        textField(cases, "promoCodeId",
                v -> promoCode("promoCodeId " + describe(v), b -> b.setPromoCodeId(v), null));
        textField(cases, "programId",
                v -> promoCode("programId " + describe(v), b -> b.setProgramId(v), null));
        textField(cases, "partnerId",
                v -> promoCode("partnerId " + describe(v), b -> b.setPartnerId(v), null));
        cases.add(promoCode("an empty code", b -> b.setCode(""), deadLetter(MISSING_FIELD)));
        cases.add(promoCode("a blank code", b -> b.setCode(" \t"), deadLetter(MISSING_FIELD)));
        cases.add(promoCode("dealId of 256", b -> b.setDealId("d".repeat(256)), accepted()));
        cases.add(promoCode("dealId of 257", b -> b.setDealId("d".repeat(257)), deadLetter(LIMIT_EXCEEDED)));
        for (MatchType type : MatchType.values()) {
            cases.add(promoCode(type + " code of 1,000 characters",
                    b -> b.setMatchType(type).setCode("C".repeat(1000)), accepted()));
            cases.add(promoCode(type + " code of 1,001 characters", b -> b.setMatchType(type).setCode("C".repeat(1001)),
                    type == MatchType.EXACT ? deadLetter(PATTERN_TOO_LONG, LIMIT_EXCEEDED)
                            : deadLetter(PATTERN_TOO_LONG)));
        }
        for (String pattern : List.of("(a)\\1", "[unclosed", "(?=x)y", "(?<!x)y", "a{1001}", "*", "((A{1000}){1000}){1000}")) {
            cases.add(regex("pattern " + pattern, pattern, deadLetter(INVALID_PATTERN)));
        }
        for (String pattern : List.of("(a*)*b", "(x+x+)+y", "(a|aa)*c", "(.*a){12}", "(?i)hostile-\\d{1,1000}")) {
            cases.add(regex("pattern " + pattern, pattern, accepted()));
        }
        // Within every syntactic limit, but a large program: RE2's memory budget may refuse it.
        for (String pattern : List.of("\\pL{1000}", "[\\x{0}-\\x{10FFFF}]{1000}", "(\\pL|\\pN|\\pP){1000}",
                "(?i)(abcdefghij){100}", "((a|b|c|d|e|f|g|h|i|j)+){10}")) {
            cases.add(regex("large pattern " + pattern, pattern, acceptedOr(INVALID_PATTERN)));
        }
        Instant june = Instant.parse("2026-06-01T00:00:00Z");
        schedule(cases, "validFrom = validTo", june, june, deadLetter(INVALID_SCHEDULE));
        schedule(cases, "validFrom after validTo", june.plusMillis(1), june, deadLetter(INVALID_SCHEDULE));
        schedule(cases, "validFrom one ms before validTo", june.minusMillis(1), june, accepted());
        schedule(cases, "from 1970-01-01", Instant.EPOCH, null, accepted());
        schedule(cases, "from 1 ms before 1970", Instant.EPOCH.minusMillis(1), null, deadLetter(INVALID_SCHEDULE));
        schedule(cases, "from Long.MIN_VALUE", Instant.ofEpochMilli(Long.MIN_VALUE), null,
                deadLetter(INVALID_SCHEDULE));
        schedule(cases, "from the last ms of 9999-12-31", LAST_SCHEDULE_INSTANT, null, accepted());
        schedule(cases, "to the last ms of 9999-12-31", null, LAST_SCHEDULE_INSTANT, accepted());
        schedule(cases, "to 10000-01-01", null, LAST_SCHEDULE_INSTANT.plusMillis(1), deadLetter(INVALID_SCHEDULE));
        schedule(cases, "from 10000-01-01", LAST_SCHEDULE_INSTANT.plusMillis(1), null, deadLetter(INVALID_SCHEDULE));
        schedule(cases, "to Long.MAX_VALUE", null, Instant.ofEpochMilli(Long.MAX_VALUE), deadLetter(INVALID_SCHEDULE));
        schedule(cases, "always", null, null, accepted());
        cases.add(promoCode("100,000-character comments, blank email",
                b -> b.setComments("c".repeat(100_000)).setEmail(" "), accepted()));
    }

    private void nullsAndEmpties(List<InputRecord> cases) {
        for (Input input : Input.values()) {
            byte[] key = utf8(input == Input.PROMO_CODES ? "hostile-pc-empty" : "hostile-session-0");
            cases.add(new InputRecord("an empty value", input, key, new byte[0], deadLetter(UNDECODABLE)));
            cases.add(new InputRecord("just the wire format's header", input, key,
                    WireRecords.withHeader(schemaId(input), new byte[0]), deadLetter(UNDECODABLE)));
        }
        cases.add(new InputRecord("a null click", Input.CLICKS, utf8("hostile-session-0"), null,
                deadLetter(UNDECODABLE)));
        cases.add(new InputRecord("a null conversion", Input.CONVERSIONS, utf8("hostile-session-0"), null,
                deadLetter(UNDECODABLE)));
        cases.add(new InputRecord("a null conversion without key", Input.CONVERSIONS, null, null,
                deadLetter(UNDECODABLE)));
        cases.add(new InputRecord("a tombstone without key", Input.PROMO_CODES, null, null,
                deadLetter(MISSING_KEY, UNDECODABLE)));
        cases.add(new InputRecord("a tombstone of a code never defined", Input.PROMO_CODES,
                utf8("hostile-pc-never"), null, accepted()));
    }

    /**
     * Empty, blank, at the length limit (in characters, not bytes), one past it, and far past it.
     * Program ids that are not blank keep {@link #PROGRAM} as prefix, so they stay apart from the traffic's.
     */
    private static void textField(List<InputRecord> cases, String field,
                                  Function<String, InputRecord> withValue) {
        String prefix = field.equals("programId") ? PROGRAM : "";
        cases.add(expect(withValue.apply(""), deadLetter(MISSING_FIELD)));
        cases.add(expect(withValue.apply(" \t\n"), deadLetter(MISSING_FIELD)));
        cases.add(expect(withValue.apply(prefix + "x".repeat(256 - prefix.length())), accepted()));
        cases.add(expect(withValue.apply(prefix + "é".repeat(256 - prefix.length())), accepted()));
        cases.add(expect(withValue.apply(prefix + "x".repeat(257 - prefix.length())), deadLetter(LIMIT_EXCEEDED)));
        cases.add(expect(withValue.apply(prefix + "x".repeat(100_000)), deadLetter(LIMIT_EXCEEDED)));
    }

    private static InputRecord expect(InputRecord record, Expected expected) {
        return new InputRecord(record.what(), record.input(), record.key(), record.value(), expected);
    }

    private static String describe(String value) {
        if (value.isEmpty()) {
            return "empty";
        }
        return value.isBlank() ? "blank" : "of " + value.length() + " '" + value.charAt(0) + "'";
    }

    private record Timestamp(String what, Instant at, Expected expected) {
    }

    /** SPEC "Time": from 1970-01-01 to now + event.time.max.ahead, both included. */
    private List<Timestamp> eventTimes() {
        Instant latest = now.plus(MAX_AHEAD);
        return List.of(
                new Timestamp("Long.MIN_VALUE", Instant.ofEpochMilli(Long.MIN_VALUE), deadLetter(INVALID_TIMESTAMP)),
                new Timestamp("1 ms before 1970", Instant.EPOCH.minusMillis(1), deadLetter(INVALID_TIMESTAMP)),
                new Timestamp("1970-01-01", Instant.EPOCH, accepted()),
                new Timestamp("now + 1 h", latest.minus(slack), accepted()),
                new Timestamp("now + 1 h + 1 ms", latest.plus(slack).plusMillis(1), deadLetter(INVALID_TIMESTAMP)),
                new Timestamp("year 3000", Instant.parse("3000-01-01T00:00:00Z"), deadLetter(INVALID_TIMESTAMP)),
                new Timestamp("Long.MAX_VALUE", Instant.ofEpochMilli(Long.MAX_VALUE), deadLetter(INVALID_TIMESTAMP)));
    }

    private void amount(List<InputRecord> cases, String amount, Expected expected) {
        cases.add(conversion("amount " + amount, b -> b.setAmount(new BigDecimal(amount)), expected));
    }

    private void schedule(List<InputRecord> cases, String what, Instant from, Instant to, Expected expected) {
        cases.add(promoCode("schedule " + what, b -> b.setValidFrom(from).setValidTo(to), expected));
    }

    private InputRecord regex(String what, String pattern, Expected expected) {
        return promoCode(what, b -> b.setMatchType(MatchType.REGEX).setCode(pattern), expected);
    }

    private static List<String> codes(int count) {
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add("HOSTILE-CODE-" + i);
        }
        return codes;
    }

    private InputRecord click(String what, Consumer<Click.Builder> change, Expected expected) {
        Click.Builder builder = Click.newBuilder(click());
        change.accept(builder);
        Click click = builder.build();
        return new InputRecord(what, Input.CLICKS, utf8(click.getSessionId()), wire.encode(click), expected);
    }

    private InputRecord conversion(String what, Consumer<Conversion.Builder> change, Expected expected) {
        Conversion.Builder builder = Conversion.newBuilder(conversion());
        change.accept(builder);
        Conversion conversion = builder.build();
        return new InputRecord(what, Input.CONVERSIONS, utf8(RoutingKey.of(conversion)), wire.encode(conversion),
                expected);
    }

    private InputRecord promoCode(String what, Consumer<PromoCode.Builder> change, Expected expected) {
        PromoCode.Builder builder = PromoCode.newBuilder(promoCode());
        change.accept(builder);
        PromoCode code = builder.build();
        return new InputRecord(what, Input.PROMO_CODES, utf8(code.getPromoCodeId()), wire.encode(code), expected);
    }

    private static InputRecord keyed(byte[] key, InputRecord record) {
        return new InputRecord(record.what(), record.input(), key, record.value(), record.expected());
    }

    int schemaId(Input input) {
        return switch (input) {
            case CLICKS -> wire.ids().click();
            case CONVERSIONS -> wire.ids().conversion();
            case PROMO_CODES -> wire.ids().promoCode();
        };
    }
}
