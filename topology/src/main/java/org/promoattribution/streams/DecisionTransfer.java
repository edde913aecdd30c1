package org.promoattribution.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.promoattribution.config.Topics;
import org.promoattribution.schemas.AttributionDecision;

/**
 * A decision on its way from its session's partition to the decision ledger on its conversion's
 * partition: the programId, the ledger entry, and the decision as it will be written (encoded once,
 * on the session's side, for its outcome topic). The ledger reads the first two and passes the
 * third on untouched: no decision is decoded or encoded again on the way.
 *
 * @param wire the decision in the registry wire format, for its outcome topic
 */
record DecisionTransfer(String programId, LedgerEntry entry, byte[] wire) {

    /** The session side's step: encodes each decision for its outcome topic and wraps it. */
    static ValueMapper<AttributionDecision, byte[]> encoder(Serializer<AttributionDecision> serializer, Topics topics) {
        return decision -> encode(decision.getProgramId(), LedgerEntry.of(decision),
                serializer.serialize(topics.forOutcome(decision.getOutcome()), decision));
    }

    static byte[] encode(String programId, LedgerEntry entry, byte[] wire) {
        byte[] program = programId.getBytes(StandardCharsets.UTF_8);
        byte[] ledger = entry.encode();
        return ByteBuffer.allocate(2 * Short.BYTES + program.length + ledger.length + wire.length)
                .putShort((short) program.length).put(program)
                .putShort((short) ledger.length).put(ledger)
                .put(wire).array();
    }

    static DecisionTransfer decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int programLength = in.getShort();
        String program = new String(bytes, in.position(), programLength, StandardCharsets.UTF_8);
        in.position(in.position() + programLength);
        byte[] ledger = new byte[in.getShort()];
        in.get(ledger);
        return new DecisionTransfer(program, LedgerEntry.decode(ledger), Arrays.copyOfRange(bytes, in.position(),
                bytes.length));
    }
}
