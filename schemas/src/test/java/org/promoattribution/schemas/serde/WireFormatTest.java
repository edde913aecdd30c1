package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void theHeaderIsMagicZeroThenTheIdBigEndian() {
        ByteBuffer buffer = ByteBuffer.allocate(WireFormat.HEADER_SIZE);

        WireFormat.writeHeader(buffer, 0x01020304);

        assertThat(buffer.array()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void readingTheIdLeavesTheBufferAtTheBody() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 2, 42, 43});

        assertThat(WireFormat.readSchemaId(buffer)).isEqualTo(258);
        assertThat(buffer.position()).isEqualTo(5);
        assertThat(buffer.remaining()).isEqualTo(2);
    }

    @Test
    void idsRoundTripOverTheWholeIntRange() {
        for (int id : new int[] {0, 1, 255, 256, 65_536, Integer.MAX_VALUE, -1, Integer.MIN_VALUE}) {
            ByteBuffer buffer = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
            WireFormat.writeHeader(buffer, id);
            buffer.flip();
            assertThat(WireFormat.readSchemaId(buffer)).as("id %d", id).isEqualTo(id);
        }
    }

    @Test
    void aRecordShorterThanTheHeaderIsRejected() {
        assertThatThrownBy(() -> WireFormat.readSchemaId(ByteBuffer.wrap(new byte[] {0, 0, 0, 1})))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short")
                .hasMessageContaining("4 bytes");
    }

    @Test
    void anotherMagicByteIsRejected() {
        assertThatThrownBy(() -> WireFormat.readSchemaId(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 1, 2})))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte 1");
    }
}
