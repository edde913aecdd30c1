package org.promoattribution.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.state.LedgerEntry;
import org.promoattribution.state.UsageContributionSerde;
import org.promoattribution.usage.UsageContribution;

/**
 * A decision on its way from its session's partition to the decision ledger on its conversion's
 * partition: the programId, the ledger entry, the usage contributions, and the decision as it will
 * be written (encoded once, on the session's side, for its outcome topic). The ledger reads the
 * first three and passes the decision on untouched: no decision is decoded or encoded again on the
 * way. Usage travels with the decision so that only a decision the ledger writes is counted (an
 * order re-sent under a session of another partition is neither paid nor counted twice).
 *
 * @param wire the decision in the registry wire format, for its outcome topic
 */
record DecisionTransfer(String programId, LedgerEntry entry, List<UsageContribution> usage, byte[] wire) {

    /**
     * The session side's step, taken in the attribution processor's forward: encodes each decision
     * for its outcome topic and wraps it, with its usage contributions when the figures are kept.
     */
    static Function<DecidedConversion, LedgerInput.Decided> encoder(Serializer<AttributionDecision> serializer,
                                                                   Topics topics, boolean withUsage) {
        return decided -> {
            AttributionDecision decision = decided.decision();
            return new LedgerInput.Decided(encode(decision.getProgramId(),
                    LedgerEntry.of(decision, decided.commissionFlat()), withUsage ? decided.usage() : List.of(),
                    serializer.serialize(topics.forOutcome(decision.getOutcome()), decision)));
        };
    }

    static byte[] encode(String programId, LedgerEntry entry, List<UsageContribution> usage, byte[] wire) {
        byte[] program = programId.getBytes(StandardCharsets.UTF_8);
        byte[] ledger = entry.encode();
        List<byte[]> contributions = usage.stream().map(UsageContributionSerde::encode).toList();
        int usageBytes = contributions.stream().mapToInt(c -> Short.BYTES + c.length).sum();
        ByteBuffer out = ByteBuffer.allocate(3 * Short.BYTES + program.length + ledger.length + usageBytes
                        + wire.length)
                .putShort((short) program.length).put(program)
                .putShort((short) ledger.length).put(ledger)
                .putShort((short) contributions.size());
        contributions.forEach(c -> out.putShort((short) c.length).put(c));
        return out.put(wire).array();
    }

    static DecisionTransfer decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String program = new String(next(in), StandardCharsets.UTF_8);
        LedgerEntry entry = LedgerEntry.decode(next(in));
        int count = in.getShort();
        List<UsageContribution> usage = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            usage.add(UsageContributionSerde.decode(next(in)));
        }
        return new DecisionTransfer(program, entry, usage, Arrays.copyOfRange(bytes, in.position(), bytes.length));
    }

    /** A part prefixed by its length in two bytes: ids are bounded (SPEC "Limits"), so each part fits. */
    private static byte[] next(ByteBuffer in) {
        byte[] part = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(part);
        return part;
    }
}
