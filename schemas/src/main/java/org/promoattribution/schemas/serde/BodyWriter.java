package org.promoattribution.schemas.serde;

import java.io.IOException;
import org.apache.avro.io.Encoder;

/** Writes a record's Avro body in the schema that the id beside it names. */
interface BodyWriter<T> {
    void write(T record, Encoder encoder) throws IOException;
}
