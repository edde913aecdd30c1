package org.promoattribution.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.promoattribution.json.PipelineJson;
import org.promoattribution.rule.TrackedClick;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;
import org.promoattribution.state.InternalAvro;

/**
 * Explanations as the {@link org.promoattribution.state.StoreNames#EXPLANATIONS} store keeps them,
 * written on every decision: a version byte, the decision in Avro binary (its fields give the
 * explanation's header and decision, so a field added to the decision is kept without a change
 * here), then the inputs in a plain binary layout. Entries the previous versions wrote as JSON
 * (they start with <code>{</code>) are still read.
 */
public final class ExplanationCodec {
    private static final byte VERSION = 1;
    private static final InternalAvro<AttributionDecision> DECISIONS = new InternalAvro<>(AttributionDecision.class);

    private ExplanationCodec() {
    }

    /** @param decision the decision explained, whose fields the explanation's header and decision repeat */
    public static byte[] encode(AttributionDecision decision, Explanation.Inputs inputs) {
        byte[] record = DECISIONS.encode(withCodesShown(decision));
        Writer out = new Writer(record.length + 256);
        out.oneByte(VERSION);
        out.integer(record.length);
        out.raw(record);
        out.number(inputs.referralWindow().toMillis());
        out.number(inputs.windowFrom().toEpochMilli());
        out.number(inputs.windowTo().toEpochMilli());
        out.flag(inputs.moreClicksInWindow());
        out.integer(inputs.clicksInWindow().size());
        inputs.clicksInWindow().forEach(out::click);
        out.flag(inputs.winningClick() != null);
        if (inputs.winningClick() != null) {
            out.click(inputs.winningClick());
        }
        out.integer(inputs.codes().size());
        for (Explanation.TypedCode code : inputs.codes()) {
            out.string(code.code());
            out.flag(code.matched());
            out.string(code.promoCodeId());
            out.string(code.partnerId());
            out.string(code.creditPolicy() == null ? null : code.creditPolicy().name());
            out.string(code.matchType() == null ? null : code.matchType().name());
            out.string(code.dealId());
        }
        return out.bytes();
    }

    /**
     * The decision with its codes cut as explain shows them: 100 typed codes of 1,000 characters
     * kept whole would make the entry too large for its changelog (SPEC Limits allow such an order).
     */
    private static AttributionDecision withCodesShown(AttributionDecision decision) {
        boolean longCode = decision.getPromoCode() != null && decision.getPromoCode().length() > Explanation.MAX_CODE_CHARS
                || decision.getUnmatchedCodes().stream().anyMatch(code -> code.length() > Explanation.MAX_CODE_CHARS);
        if (!longCode) {
            return decision;
        }
        return AttributionDecision.newBuilder(decision)
                .setPromoCode(Explanation.shown(decision.getPromoCode()))
                .setUnmatchedCodes(decision.getUnmatchedCodes().stream().map(Explanation::shown).toList())
                .build();
    }

    public static Explanation decode(byte[] bytes) {
        if (bytes[0] == '{') {
            return fromJson(bytes); // written by a version before this layout
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        byte[] record = new byte[in.getInt()];
        in.get(record);
        AttributionDecision d = DECISIONS.decode(record);
        Duration window = Duration.ofMillis(in.getLong());
        Instant from = Instant.ofEpochMilli(in.getLong());
        Instant to = Instant.ofEpochMilli(in.getLong());
        boolean more = in.get() == 1;
        List<TrackedClick> clicks = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            clicks.add(click(in));
        }
        TrackedClick winning = in.get() == 1 ? click(in) : null;
        List<Explanation.TypedCode> codes = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            String code = string(in);
            boolean matched = in.get() == 1;
            String promoCodeId = string(in);
            String partnerId = string(in);
            String policy = string(in);
            String matchType = string(in);
            codes.add(new Explanation.TypedCode(code, matched, promoCodeId, partnerId,
                    policy == null ? null : CreditPolicy.valueOf(policy),
                    matchType == null ? null : MatchType.valueOf(matchType), string(in)));
        }
        return new Explanation(d.getConversionId(), d.getProgramId(), d.getSessionId(), d.getTimestamp(),
                d.getAmount(), d.getCurrency(), d.getDecidedAt(), Explanation.Decision.of(d),
                new Explanation.Inputs(window, from, to, List.copyOf(clicks), more, winning, List.copyOf(codes)));
    }

    private static Explanation fromJson(byte[] json) {
        try {
            return PipelineJson.mapper().readValue(json, Explanation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrackedClick click(ByteBuffer in) {
        return new TrackedClick(string(in), string(in), Instant.ofEpochMilli(in.getLong()));
    }

    /** Length-prefixed UTF-8, -1 for null. */
    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    /** A buffer that grows as it is written. */
    private static final class Writer {
        private ByteBuffer buffer;

        Writer(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }

        void oneByte(byte value) {
            room(1).put(value);
        }

        void flag(boolean value) {
            oneByte((byte) (value ? 1 : 0));
        }

        void integer(int value) {
            room(Integer.BYTES).putInt(value);
        }

        void number(long value) {
            room(Long.BYTES).putLong(value);
        }

        void raw(byte[] bytes) {
            room(bytes.length).put(bytes);
        }

        void click(TrackedClick click) {
            string(click.clickId());
            string(click.partnerId());
            number(click.timestamp().toEpochMilli());
        }

        void string(String value) {
            if (value == null) {
                integer(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            integer(bytes.length);
            raw(bytes);
        }

        private ByteBuffer room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                buffer.flip();
                buffer = larger.put(buffer);
            }
            return buffer;
        }

        byte[] bytes() {
            byte[] out = new byte[buffer.position()];
            System.arraycopy(buffer.array(), 0, out, 0, out.length);
            return out;
        }
    }
}
