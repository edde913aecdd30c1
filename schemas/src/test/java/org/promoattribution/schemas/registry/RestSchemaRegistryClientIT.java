package org.promoattribution.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.promoattribution.local.LocalSchemaRegistry;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.serde.AvroSerdes;
import org.promoattribution.schemas.serde.SerdeOptions;

/**
 * {@link RestSchemaRegistryClient} against a real registry: Apicurio's Confluent-compatible API,
 * started by deploy/local's {@link LocalSchemaRegistry}. Each test uses its own subjects.
 */
class RestSchemaRegistryClientIT {
    private static final Schema CLICK = Click.getClassSchema();

    private static LocalSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = LocalSchemaRegistry.builder().build().start();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    /** A client with nothing cached, as a second process would have. */
    private static SchemaRegistryClient freshClient() {
        return SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", registry.url()));
    }

    @Test
    void registersAndReadsBackThroughEveryCall() {
        int id = freshClient().register("it-read-back-value", CLICK);

        SchemaRegistryClient other = freshClient();
        assertThat(other.register("it-read-back-value", CLICK)).isEqualTo(id);
        assertThat(other.idOf("it-read-back-value", CLICK)).isEqualTo(id);
        assertThat(freshClient().schemaById(id)).isEqualTo(CLICK);
        assertThat(freshClient().latestVersion("it-read-back-value"))
                .isEqualTo(new RegisteredSchema("it-read-back-value", 1, id, CLICK));
    }

    @Test
    void theReachabilityCheckPassesOnARealRegistry() {
        freshClient().checkReachable();
    }

    @Test
    void useLatestVersionWritesInAV2RegisteredAheadOnARealRegistry() {
        String subject = "it-latest-value";
        freshClient().register(subject, CLICK);
        Schema v2 = new Schema.Parser().parse(CLICK.toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"device\",\"type\":\"string\",\"default\":\"web\"},"));
        int v2Id = freshClient().register(subject, v2);
        Serde<Click> latest = AvroSerdes.serde(Click.class, freshClient(),
                new SerdeOptions(false, true), false);
        Click click = Click.newBuilder().setClickId("c-1").setProgramId("p-1").setSessionId("s-1")
                .setPartnerId("partner-7").setTimestamp(Instant.ofEpochMilli(1_000)).build();

        byte[] bytes = latest.serializer().serialize("it-latest", click);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v2Id);
        assertThat(AvroSerdes.valueSerde(Click.class, freshClient()).deserializer().deserialize("it-latest", bytes))
                .isEqualTo(click);
    }

    @Test
    void aBackwardIncompatibleChangeIsRejectedAsIncompatible() throws Exception {
        String subject = "it-backward-value";
        Schema v1 = without(CLICK, "referrer");
        SchemaRegistryClient client = freshClient();
        int v1Id = client.register(subject, v1);
        setCompatibility(subject, "BACKWARD");

        int v2Id = client.register(subject, CLICK); // adds an optional field: backward compatible
        IncompatibleSchemaException e = catchThrowableOfType(IncompatibleSchemaException.class,
                () -> client.register(subject, withRequiredField(CLICK, "device")));

        assertThat(v2Id).isNotEqualTo(v1Id);
        assertThat(e.subject()).isEqualTo(subject);
        assertThat(e).hasMessageContaining(registry.url() + "/subjects/" + subject + "/versions")
                .hasMessageContaining("409");
        assertThat(freshClient().latestVersion(subject).id()).isEqualTo(v2Id);
    }

    @Test
    void aRecordWrittenWithAnOlderVersionReadsIntoTodaysClass() throws Exception {
        Schema v1 = without(CLICK, "referrer");
        int v1Id = freshClient().register("it-evolution-value", v1);
        GenericRecord old = new GenericRecordBuilder(v1).set("clickId", "c-1").set("programId", "p-1")
                .set("sessionId", "s-1").set("partnerId", "partner-7").set("timestamp", 1_000L)
                .set("landingUrl", null).build();

        Click read = AvroSerdes.valueSerde(Click.class, freshClient()).deserializer()
                .deserialize("it-evolution", wireBytes(v1Id, v1, old));

        assertThat(read.getClickId()).isEqualTo("c-1");
        assertThat(read.getReferrer()).isNull();
    }

    @Test
    void aSerdeRoundTripsThroughTheRegistry() {
        Click click = Click.newBuilder().setClickId("c-2").setProgramId("p-1").setSessionId("s-2")
                .setPartnerId("partner-7").setTimestamp(Instant.ofEpochMilli(2_000)).setLandingUrl(null)
                .setReferrer("https://blog.example").build();
        Serde<Click> writerSide = AvroSerdes.valueSerde(Click.class, freshClient());
        Serde<Click> readerSide = AvroSerdes.valueSerde(Click.class, freshClient());

        byte[] bytes = writerSide.serializer().serialize("it-round-trip", click);

        assertThat(readerSide.deserializer().deserialize("it-round-trip", bytes)).isEqualTo(click);
    }

    @Test
    void anUnknownIdAndAnUnregisteredSchemaAreToldApart() {
        UnknownSchemaIdException unknown = catchThrowableOfType(UnknownSchemaIdException.class,
                () -> freshClient().schemaById(987_654));
        assertThat(unknown.id()).isEqualTo(987_654);
        assertThat(unknown).hasMessageContaining(registry.url() + "/schemas/ids/987654");

        assertThatThrownBy(() -> freshClient().idOf("it-nobody-value", CLICK))
                .isInstanceOf(SchemaNotRegisteredException.class);
        assertThatThrownBy(() -> freshClient().latestVersion("it-nobody-value"))
                .isInstanceOf(SchemaNotRegisteredException.class);
    }

    @Test
    void aBaseUrlWithoutTheCcompatPathIsNotTakenForUnknownIds() {
        String root = "http://127.0.0.1:" + registry.port();
        SchemaRegistryClient misconfigured = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", root));

        assertThatThrownBy(() -> misconfigured.schemaById(1))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("no schema registry API");
    }

    // ---- helpers ----

    private static void setCompatibility(String subject, String level) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/config/" + subject))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static Schema without(Schema schema, String fieldName) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(fieldName)) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema withRequiredField(Schema schema, String fieldName) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field(fieldName, Schema.create(Schema.Type.STRING)));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static byte[] wireBytes(int id, Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
