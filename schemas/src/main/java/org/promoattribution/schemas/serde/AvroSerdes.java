package org.promoattribution.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.promoattribution.schemas.registry.SchemaRegistryClient;

/** Builds Schema Registry Avro serdes for the generated record classes. */
public final class AvroSerdes {
    private AvroSerdes() {
    }

    /** A value serde that registers its schema on first use ({@code auto.register.schemas=true}). */
    public static <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type, SchemaRegistryClient registry) {
        return serde(type, registry, SerdeOptions.DEFAULT, false);
    }

    public static <T extends SpecificRecord> Serde<T> serde(Class<T> type, SchemaRegistryClient registry,
                                                            SerdeOptions options, boolean isKey) {
        Schema schema = SpecificData.get().getSchema(type);
        AvroSerializer.SubjectTargets<T> targets = options.useLatestVersion()
                ? AvroSerializer.SubjectTargets.useLatestVersion()
                : options.autoRegister()
                ? AvroSerializer.SubjectTargets.autoRegister(schema)
                : AvroSerializer.SubjectTargets.lookUpRegistered(schema);
        return Serdes.serdeFrom(new AvroSerializer<>(registry, schema, targets, isKey),
                new AvroDeserializer<>(registry, schema));
    }
}
