package org.promoattribution.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.Outcome;
import org.promoattribution.schemas.registry.InMemorySchemaRegistryClient;

/**
 * Records written with other versions of a schema, each registered under its own id, read into
 * today's generated classes.
 */
class SchemaEvolutionTest {
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final Deserializer<Click> clicks = AvroSerdes.valueSerde(Click.class, registry).deserializer();
    private final Deserializer<AttributionDecision> decisions =
            AvroSerdes.valueSerde(AttributionDecision.class, registry).deserializer();

    @Test
    void aClickWrittenBeforeReferrerExistedReadsWithTheDefault() {
        Schema v1 = without(Click.getClassSchema(), "referrer");
        int v1Id = registry.register("clicks-value", v1);
        int v2Id = registry.register("clicks-value", Click.getClassSchema());
        GenericRecord old = clickFields(v1).build();

        Click read = clicks.deserialize("clicks", TestRecords.wireBytes(v1Id, v1, old));

        assertThat(v1Id).isNotEqualTo(v2Id);
        assertThat(read.getReferrer()).isNull();
        assertThat(read).isEqualTo(Click.newBuilder(TestRecords.click()).setReferrer(null).build());
    }

    @Test
    void aClickWrittenByANewerVersionWithAnExtraFieldReadsWithoutIt() {
        Schema v3 = withExtraOptionalField(Click.getClassSchema(), "device");
        int v3Id = registry.register("clicks-value", v3);
        GenericRecord newer = clickFields(v3).set("referrer", "https://blog.example").set("device", "mobile").build();

        Click read = clicks.deserialize("clicks", TestRecords.wireBytes(v3Id, v3, newer));

        assertThat(read).isEqualTo(TestRecords.click());
    }

    @Test
    void aWriterSchemaLackingARequiredFieldFailsNamingTheField() {
        Schema broken = without(Click.getClassSchema(), "partnerId");
        int id = registry.register("clicks-value", broken);
        GenericRecord record = new GenericRecordBuilder(broken).set("clickId", "c-1").set("programId", "p-1")
                .set("sessionId", "s-1").set("timestamp", TestRecords.T0.toEpochMilli()).build();

        SchemaResolutionException e = catchThrowableOfType(SchemaResolutionException.class,
                () -> clicks.deserialize("clicks", TestRecords.wireBytes(id, broken, record)));

        assertThat(e.problem()).isEqualTo(SchemaResolutionException.Problem.MISSING_REQUIRED_FIELD);
        assertThat(e.name()).isEqualTo("partnerId");
        assertThat(e.writerSchemaId()).isEqualTo(id);
        assertThat(e).hasMessage("cannot read Click written with schema id " + id + ": missing required field partnerId"
                + " (the writer's schema lacks it and the reader's schema gives it no default)");
        // What SchemaResolutionErrors reads; a change in a new Avro version must show here.
        assertThat(e.getCause()).hasMessage("Found org.promoattribution.schemas.Click, expecting "
                + "org.promoattribution.schemas.Click, missing required field partnerId");
    }

    @Test
    void anEnumSymbolUnknownToTheReaderFailsNamingSymbolAndEnum() {
        Schema newer = withExtraOutcome(AttributionDecision.getClassSchema(), "DISPUTED");
        int id = registry.register("decisions-value", newer);
        GenericRecord record = decisionFields(newer, "DISPUTED");

        SchemaResolutionException e = catchThrowableOfType(SchemaResolutionException.class,
                () -> decisions.deserialize("decisions", TestRecords.wireBytes(id, newer, record)));

        assertThat(e.problem()).isEqualTo(SchemaResolutionException.Problem.UNKNOWN_ENUM_SYMBOL);
        assertThat(e.name()).isEqualTo("DISPUTED");
        assertThat(e).hasMessage("cannot read AttributionDecision written with schema id " + id
                + ": unknown enum symbol DISPUTED of org.promoattribution.schemas.Outcome"
                + " (the writer's enum has it, the reader's neither has it nor a default)");
        assertThat(e.getCause()).hasMessage("No match for DISPUTED");
    }

    @Test
    void aNewerEnumStillReadsRecordsThatUseKnownSymbols() {
        Schema newer = withExtraOutcome(AttributionDecision.getClassSchema(), "DISPUTED");
        int id = registry.register("decisions-value", newer);

        AttributionDecision read = decisions.deserialize("decisions",
                TestRecords.wireBytes(id, newer, decisionFields(newer, "INVALID")));

        assertThat(read.getOutcome()).isEqualTo(Outcome.INVALID);
    }

    // ---- writer schemas derived from today's ----

    private static Schema without(Schema schema, String fieldName) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(fieldName)) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        assertThat(fields).hasSize(schema.getFields().size() - 1);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema withExtraOptionalField(Schema schema, String fieldName) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        fields.add(new Schema.Field(fieldName, optionalString, null, Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema withExtraOutcome(Schema schema, String symbol) {
        String json = schema.toString();
        String known = "\"symbols\":[\"CREDITED\",\"INVALID\",\"UNATTRIBUTED\"]";
        assertThat(json).contains(known);
        return new Schema.Parser().parse(json.replace(known,
                "\"symbols\":[\"CREDITED\",\"INVALID\",\"UNATTRIBUTED\",\"" + symbol + "\"]"));
    }

    private static GenericRecordBuilder clickFields(Schema writer) {
        Click click = TestRecords.click();
        return new GenericRecordBuilder(writer).set("clickId", click.getClickId()).set("programId", click.getProgramId())
                .set("sessionId", click.getSessionId()).set("partnerId", click.getPartnerId())
                .set("timestamp", click.getTimestamp().toEpochMilli()).set("landingUrl", click.getLandingUrl());
    }

    private static GenericRecord decisionFields(Schema writer, String outcome) {
        return new GenericRecordBuilder(writer).set("conversionId", "o-1").set("programId", "p-1")
                .set("timestamp", TestRecords.T0.toEpochMilli())
                .set("outcome", new GenericData.EnumSymbol(writer.getField("outcome").schema(), outcome))
                .set("reason", new GenericData.EnumSymbol(writer.getField("reason").schema(), "LAST_CLICK"))
                .set("decidedAt", TestRecords.T0.toEpochMilli())
                .build();
    }
}
