package org.promoattribution.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.usage.UsageKey;

/**
 * A usage contribution on the pipeline's own repartition topic and in its batching store: a
 * version byte, the ids, the epoch day, the ALWAYS flag and the four counts. Internal, so no registry; the version byte lets a later
 * layout be told apart during a rolling upgrade.
 */
public final class UsageContributionSerde {
    private static final byte VERSION = 1;

    private UsageContributionSerde() {
    }

    public static Serde<UsageContribution> serde() {
        return Serdes.serdeFrom((Serializer<UsageContribution>) (topic, c) -> encode(c),
                (Deserializer<UsageContribution>) (topic, bytes) -> decode(bytes));
    }

    public static byte[] encode(UsageContribution c) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(c.key().promoCodeId());
            out.writeUTF(c.programId());
            out.writeUTF(c.partnerId());
            out.writeInt((int) c.key().day().toEpochDay());
            out.writeBoolean(c.alwaysPolicy());
            out.writeLong(c.uses());
            out.writeLong(c.credited());
            out.writeLong(c.invalid());
            out.writeLong(c.withoutOwnerClick());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UsageContribution decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("usage contribution of unknown layout " + version);
            }
            String promoCodeId = in.readUTF();
            String programId = in.readUTF();
            String partnerId = in.readUTF();
            LocalDate day = LocalDate.ofEpochDay(in.readInt());
            return new UsageContribution(new UsageKey(promoCodeId, day), programId, partnerId, in.readBoolean(),
                    in.readLong(), in.readLong(), in.readLong(), in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
