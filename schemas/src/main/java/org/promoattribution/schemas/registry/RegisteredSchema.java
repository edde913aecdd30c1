package org.promoattribution.schemas.registry;

import org.apache.avro.Schema;

/** One version of a subject as the registry returns it. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
