package org.promoattribution.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.registry.RecordingHttpServer.Reply;
import org.promoattribution.schemas.registry.RecordingHttpServer.Request;

class RestSchemaRegistryClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema CLICK = Click.getClassSchema();
    private static final String SUBJECTS_ROUTE = "GET /subjects";

    private RecordingHttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new RecordingHttpServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Short waits so that retry tests stay fast. */
    private static RestSchemaRegistryConfig fast(String urls) {
        return RestSchemaRegistryConfig.of(urls)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private RestSchemaRegistryClient client() {
        return new RestSchemaRegistryClient(fast(server.url()));
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    private static String schemaReply(Schema schema) throws Exception {
        return json(Map.of("schema", schema.toString()));
    }

    private static String versionReply(String subject, int version, int id, Schema schema) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("version", version);
        body.put("id", id);
        body.put("schema", schema.toString());
        return json(body);
    }

    // ---- paths, headers, bodies ----

    @Test
    void registerPostsTheSchemaToTheSubjectsVersionsWithRegistryContentType() throws Exception {
        server.on("POST /subjects/clicks-value/versions", Reply.json(200, "{\"id\":21}"));

        int id = client().register("clicks-value", CLICK);

        assertThat(id).isEqualTo(21);
        Request request = server.requests().get(0);
        assertThat(request.route()).isEqualTo("POST /subjects/clicks-value/versions");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept"))
                .contains("application/vnd.schemaregistry.v1+json").contains("application/json");
        assertThat(request.header("Authorization")).isNull();
        assertThat(JSON.readTree(request.body()).get("schema").asText()).isEqualTo(CLICK.toString());
        assertThat(new Schema.Parser().parse(JSON.readTree(request.body()).get("schema").asText())).isEqualTo(CLICK);
    }

    @Test
    void subjectsAreUrlEncodedAsOnePathSegment() throws Exception {
        server.on("POST /subjects/odd%20topic%2Fx%3Fy-value/versions", Reply.json(200, "{\"id\":3}"));

        assertThat(client().register("odd topic/x?y-value", CLICK)).isEqualTo(3);
        assertThat(server.requests()).extracting(Request::rawPath)
                .containsExactly("/subjects/odd%20topic%2Fx%3Fy-value/versions");
    }

    @Test
    void idOfPostsToTheSubjectAndNeverRegisters() throws Exception {
        server.on("POST /subjects/clicks-value", Reply.json(200, versionReply("clicks-value", 2, 9, CLICK)));

        assertThat(client().idOf("clicks-value", CLICK)).isEqualTo(9);
        assertThat(server.requests()).extracting(Request::route).containsExactly("POST /subjects/clicks-value");
        assertThat(server.requests().get(0).header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void idOfAnUnregisteredSchemaIsSchemaNotRegistered() {
        server.on(SUBJECTS_ROUTE, Reply.json(200, "[\"clicks-value\"]"));
        server.on("POST /subjects/clicks-value",
                Reply.json(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));
        server.on("GET /subjects", Reply.json(200, "[\"clicks-value\"]"));

        assertThatThrownBy(() -> client().idOf("clicks-value", CLICK))
                .isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining("clicks-value")
                .hasMessageContaining(server.url() + "/subjects/clicks-value")
                .hasMessageContaining("Schema not found");
    }

    @Test
    void schemaByIdGetsTheIdAndParsesTheSchema() throws Exception {
        server.on("GET /schemas/ids/7", Reply.json(200, schemaReply(CLICK)));

        assertThat(client().schemaById(7)).isEqualTo(CLICK);
        assertThat(server.requests()).extracting(Request::route).containsExactly("GET /schemas/ids/7");
        assertThat(server.requests().get(0).header("Accept")).contains("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void latestVersionGetsTheSubjectsLatestVersion() throws Exception {
        server.on("GET /subjects/clicks-value/versions/latest", Reply.json(200, versionReply("clicks-value", 4, 12, CLICK)));

        RegisteredSchema latest = client().latestVersion("clicks-value");

        assertThat(latest).isEqualTo(new RegisteredSchema("clicks-value", 4, 12, CLICK));
    }

    @Test
    void aBaseUrlWithAPathIsKeptLikeApicuriosCcompatRoot() throws Exception {
        server.on("GET /apis/ccompat/v7/schemas/ids/5", Reply.json(200, schemaReply(CLICK)));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(fast(server.url() + "/apis/ccompat/v7/"));

        assertThat(client.schemaById(5)).isEqualTo(CLICK);
        assertThat(server.requests()).extracting(Request::rawPath).containsExactly("/apis/ccompat/v7/schemas/ids/5");
    }

    // ---- caching ----

    @Test
    void aSecondSchemaByIdForTheSameIdMakesNoRequest() throws Exception {
        server.on("GET /schemas/ids/7", Reply.json(200, schemaReply(CLICK)));
        RestSchemaRegistryClient client = client();

        Schema first = client.schemaById(7);
        Schema second = client.schemaById(7);

        assertThat(second).isSameAs(first);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void registerAndIdOfShareOneCachePerSubjectAndSchema() throws Exception {
        server.on("POST /subjects/clicks-value/versions", Reply.json(200, "{\"id\":21}"));
        server.on("POST /subjects/other-value/versions", Reply.json(200, "{\"id\":21}"));
        RestSchemaRegistryClient client = client();

        client.register("clicks-value", CLICK);
        assertThat(client.register("clicks-value", CLICK)).isEqualTo(21);
        assertThat(client.idOf("clicks-value", CLICK)).isEqualTo(21);
        assertThat(server.requests()).hasSize(1);

        client.register("other-value", CLICK);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void latestVersionIsNotCachedButFillsTheIdCache() throws Exception {
        server.on("GET /subjects/clicks-value/versions/latest",
                Reply.json(200, versionReply("clicks-value", 1, 12, CLICK)));
        RestSchemaRegistryClient client = client();

        client.latestVersion("clicks-value");
        client.latestVersion("clicks-value");
        assertThat(server.requests()).hasSize(2);

        assertThat(client.schemaById(12)).isEqualTo(CLICK);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void failuresAreNotCached() throws Exception {
        server.on("GET /subjects", Reply.json(200, "[]"));
        server.on("GET /schemas/ids/7", Reply.json(404, "{\"message\":\"nope\"}"), Reply.json(200, schemaReply(CLICK)));
        RestSchemaRegistryClient client = client();

        assertThatThrownBy(() -> client.schemaById(7)).isInstanceOf(UnknownSchemaIdException.class);
        assertThat(client.schemaById(7)).isEqualTo(CLICK);
    }

    // ---- error mapping ----

    @Test
    void notFoundOnAnIdIsUnknownSchemaIdNamingTheUrlAndId() {
        server.on(SUBJECTS_ROUTE, Reply.json(200, "[\"clicks-value\"]"));
        // Apicurio's body differs from Confluent's: only the status counts.
        server.on("GET /schemas/ids/42", Reply.json(404, "{\"error_code\":404,\"message\":\"No content with id 42\"}"));

        UnknownSchemaIdException e = catchThrowableOfType(UnknownSchemaIdException.class, () -> client().schemaById(42));

        assertThat(e.id()).isEqualTo(42);
        assertThat(e).hasMessageContaining("unknown schema id 42")
                .hasMessageContaining(server.url() + "/schemas/ids/42")
                .hasMessageContaining("404");
    }

    @Test
    void notFoundFromSomethingThatIsNoRegistryIsNotAnUnknownId() {
        // Nothing scripted: every path answers 404, as a wrong base URL would.
        SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client().schemaById(42));

        assertThat(e).isNotInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("no schema registry API")
                .hasMessageContaining("schema.registry.url");
        assertThat(server.requests()).extracting(Request::route).containsExactly("GET /schemas/ids/42", SUBJECTS_ROUTE);
    }

    @Test
    void latestVersionOfAnUnknownSubjectIsSchemaNotRegistered() {
        server.on(SUBJECTS_ROUTE, Reply.json(200, "[]"));
        server.on("GET /subjects/clicks-value/versions/latest",
                Reply.json(404, "{\"error_code\":40401,\"message\":\"Subject 'clicks-value' not found.\"}"));

        assertThatThrownBy(() -> client().latestVersion("clicks-value"))
                .isInstanceOfSatisfying(SchemaNotRegisteredException.class,
                        e -> assertThat(e.subject()).isEqualTo("clicks-value"))
                .hasMessageContaining(server.url() + "/subjects/clicks-value/versions/latest")
                .hasMessageContaining("not found");
    }

    @Test
    void everyCallToSomethingThatIsNoRegistrySaysSo() {
        RestSchemaRegistryClient client = client();

        assertThatThrownBy(() -> client.register("clicks-value", CLICK))
                .isExactlyInstanceOf(SchemaRegistryException.class).hasMessageContaining("no schema registry API");
        assertThatThrownBy(() -> client.idOf("clicks-value", CLICK))
                .isExactlyInstanceOf(SchemaRegistryException.class).hasMessageContaining("no schema registry API");
        assertThatThrownBy(() -> client.latestVersion("clicks-value"))
                .isExactlyInstanceOf(SchemaRegistryException.class).hasMessageContaining("no schema registry API");
    }

    @Test
    void theRegistryApiCheckIsMadeOnlyUntilSomeCallSucceeded() throws Exception {
        server.on("GET /schemas/ids/1", Reply.json(200, schemaReply(CLICK)));
        server.on("GET /schemas/ids/2", Reply.json(404, "{}"));
        RestSchemaRegistryClient client = client();

        client.schemaById(1);
        assertThatThrownBy(() -> client.schemaById(2)).isInstanceOf(UnknownSchemaIdException.class);
        assertThat(server.requests(SUBJECTS_ROUTE)).isEmpty();
    }

    @Test
    void conflictOnRegisterIsIncompatibleSchema() {
        server.on("POST /subjects/clicks-value/versions", Reply.json(409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}"));
        server.on("POST /subjects/clicks-value",
                Reply.json(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));
        server.on("GET /subjects", Reply.json(200, "[\"clicks-value\"]"));

        IncompatibleSchemaException e = catchThrowableOfType(IncompatibleSchemaException.class,
                () -> client().register("clicks-value", CLICK));

        assertThat(e.subject()).isEqualTo("clicks-value");
        assertThat(e).hasMessageContaining("clicks-value")
                .hasMessageContaining(server.url() + "/subjects/clicks-value/versions")
                .hasMessageContaining("incompatible with an earlier schema");
        assertThat(server.requests("POST /subjects/clicks-value/versions")).hasSize(1);
    }

    @Test
    void conflictOnRegisterOfASchemaAnotherWriterJustRegisteredReturnsItsId() {
        server.on("POST /subjects/clicks-value/versions", Reply.json(409, "{\"error_code\":409,\"message\":\"conflict\"}"));
        server.on("POST /subjects/clicks-value", Reply.json(200, "{\"subject\":\"clicks-value\",\"version\":1,\"id\":5}"));

        assertThat(client().register("clicks-value", CLICK)).isEqualTo(5);
    }

    @Test
    void unauthorizedIsAnAuthExceptionAndNotRetried() {
        server.on("GET /schemas/ids/7", Reply.json(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}"));

        SchemaRegistryAuthException e = catchThrowableOfType(SchemaRegistryAuthException.class,
                () -> client().schemaById(7));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e).isNotInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining(server.url() + "/schemas/ids/7")
                .hasMessageContaining("basic.auth");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void forbiddenIsAnAuthException() {
        server.on("POST /subjects/clicks-value/versions", Reply.json(403, "{\"message\":\"Forbidden\"}"));

        assertThatThrownBy(() -> client().register("clicks-value", CLICK))
                .isInstanceOfSatisfying(SchemaRegistryAuthException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void otherClientErrorsAreRegistryExceptionsWithTheServersMessage() {
        server.on("POST /subjects/clicks-value/versions",
                Reply.json(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"));

        assertThatThrownBy(() -> client().register("clicks-value", CLICK))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("422")
                .hasMessageContaining("Invalid schema");
    }

    @Test
    void aNonAvroSchemaIsUnusableForTheRecordThatNamesIt() throws Exception {
        server.on("GET /schemas/ids/8", Reply.json(200,
                json(Map.of("schemaType", "PROTOBUF", "schema", "syntax = \"proto3\"; message M {}"))));

        assertThatThrownBy(() -> client().schemaById(8))
                .isInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void aNegativeIdIsUnknownWithoutAsking() {
        assertThatThrownBy(() -> client().schemaById(-3)).isInstanceOf(UnknownSchemaIdException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aSuccessWithoutTheExpectedBodyIsARegistryError() {
        server.on("POST /subjects/clicks-value/versions", Reply.json(200, "<html>hello</html>"));

        assertThatThrownBy(() -> client().register("clicks-value", CLICK))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("unexpected answer");
    }

    // ---- retries and failover ----

    @Test
    void aServiceUnavailableAnswerIsRetried() throws Exception {
        server.on("GET /schemas/ids/7", Reply.json(503, ""), Reply.json(200, schemaReply(CLICK)));

        assertThat(client().schemaById(7)).isEqualTo(CLICK);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void persistentServerErrorsMakeTheRegistryUnavailableAfterBoundedRetries() {
        server.on("GET /schemas/ids/7", Reply.json(500, "{\"error_code\":50001,\"message\":\"Error in the backend\"}"));

        assertThatThrownBy(() -> client().schemaById(7))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .isNotInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining(server.url())
                .hasMessageContaining("schema id 7")
                .hasMessageContaining("500");
        assertThat(server.requests()).hasSize(3); // first try + max.retries (2)
    }

    @Test
    void aRefusedConnectionMakesTheRegistryUnavailable() throws Exception {
        String refusing = RecordingHttpServer.refusingUrl();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(fast(refusing));

        assertThatThrownBy(() -> client.register("clicks-value", CLICK))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining(refusing)
                .hasMessageContaining("clicks-value")
                .hasMessageContaining("could not be connected to");
    }

    @Test
    void aRegistryThatDoesNotAnswerInTimeIsUnavailable() throws Exception {
        server.on("GET /schemas/ids/7", Reply.json(200, schemaReply(CLICK)).delayed(3_000));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RestSchemaRegistryConfig.of(server.url())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200))
                .withRetries(0, Duration.ZERO, Duration.ZERO));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.schemaById(7))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("did not answer within 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aCallRetriesNoLongerThanTheCallTimeout() throws Exception {
        String refusing = RecordingHttpServer.refusingUrl();
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RestSchemaRegistryConfig.of(refusing)
                .withRetries(1_000, Duration.ofMillis(50), Duration.ofMillis(100))
                .withCallTimeout(Duration.ofMillis(700)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.schemaById(7))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("schema.registry.call.timeout.ms 700");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void aRegistryBackWithinTheCallTimeoutCostsTheCallerNothing() throws Exception {
        server.on("GET /schemas/ids/7", Reply.json(503, ""), Reply.json(503, ""), Reply.json(503, ""),
                Reply.json(200, schemaReply(CLICK)));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RestSchemaRegistryConfig.of(server.url())
                .withRetries(10, Duration.ofMillis(20), Duration.ofMillis(50)));

        assertThat(client.schemaById(7)).isEqualTo(CLICK);
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void theReachabilityCheckAsksOnceWithoutRetrying() throws Exception {
        server.on(SUBJECTS_ROUTE, Reply.json(503, ""));

        assertThatThrownBy(() -> client().checkReachable()).isInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(server.requests()).hasSize(1);

        server.on(SUBJECTS_ROUTE, Reply.json(200, "[\"clicks-value\"]"));
        client().checkReachable();
    }

    @Test
    void aRefusingFirstUrlFailsOverToTheSecond() throws Exception {
        server.on("GET /schemas/ids/7", Reply.json(200, schemaReply(CLICK)));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                fast(RecordingHttpServer.refusingUrl() + ", " + server.url()));

        assertThat(client.schemaById(7)).isEqualTo(CLICK);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void afterAFailoverTheWorkingUrlIsTriedFirst() throws Exception {
        try (RecordingHttpServer failing = new RecordingHttpServer()) {
            failing.on("GET /schemas/ids/1", Reply.json(503, ""));
            failing.on("GET /schemas/ids/2", Reply.json(503, ""));
            server.on("GET /schemas/ids/1", Reply.json(200, schemaReply(CLICK)));
            server.on("GET /schemas/ids/2", Reply.json(200, schemaReply(CLICK)));
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(fast(failing.url() + "," + server.url()));

            client.schemaById(1);
            client.schemaById(2);

            assertThat(failing.requests()).extracting(Request::route).containsExactly("GET /schemas/ids/1");
            assertThat(server.requests()).extracting(Request::route)
                    .containsExactly("GET /schemas/ids/1", "GET /schemas/ids/2");
        }
    }

    @Test
    void everyUrlIsTriedInEachRound() throws Exception {
        try (RecordingHttpServer other = new RecordingHttpServer()) {
            server.on("GET /schemas/ids/7", Reply.json(503, ""));
            other.on("GET /schemas/ids/7", Reply.json(502, ""));
            RestSchemaRegistryClient client = new RestSchemaRegistryClient(fast(server.url() + "," + other.url()));

            assertThatThrownBy(() -> client.schemaById(7))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining(server.url() + " answered 503")
                    .hasMessageContaining(other.url() + " answered 502");
            assertThat(server.requests()).hasSize(3);
            assertThat(other.requests()).hasSize(3);
        }
    }

    // ---- credentials ----

    @Test
    void userInfoCredentialsAreSentAsBasicAuth() throws Exception {
        server.on("GET /schemas/ids/7", Reply.json(200, schemaReply(CLICK)));
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                "schema.registry.url", server.url(),
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "alice:s3cr:et"));

        client.schemaById(7);

        assertThat(server.requests().get(0).header("Authorization"))
                .isEqualTo("Basic " + base64("alice:s3cr:et"));
        assertThat(client.toString()).contains("alice").doesNotContain("s3cr");
    }

    @Test
    void urlCredentialsAreSentAsBasicAuthAndKeptOutOfMessages() throws Exception {
        server.on("GET /schemas/ids/7", Reply.json(401, "{\"message\":\"bad credentials\"}"));
        String urlWithCredentials = server.url().replace("http://", "http://bob:p%40ss@");
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                "schema.registry.url", urlWithCredentials,
                "basic.auth.credentials.source", "URL"));

        SchemaRegistryAuthException e = catchThrowableOfType(SchemaRegistryAuthException.class, () -> client.schemaById(7));

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Basic " + base64("bob:p@ss"));
        assertThat(e).hasMessageContaining(server.url() + "/schemas/ids/7")
                .hasMessageContaining("credentials were rejected")
                .hasMessageNotContaining("p@ss").hasMessageNotContaining("p%40ss");
        assertThat(client.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @Test
    void anUnreachableRegistryIsReportedWithoutTheCredentialsOfItsUrl() throws Exception {
        String refusing = RecordingHttpServer.refusingUrl();
        SchemaRegistryClient client = new RestSchemaRegistryClient(RestSchemaRegistryConfig.fromConfig(Map.of(
                "schema.registry.url", refusing.replace("http://", "http://bob:hunter2@"),
                "max.retries", "1", "retries.wait.ms", "5")));

        assertThatThrownBy(client::checkReachable)
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining(refusing)
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> client.schemaById(7))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("failed 2 times")
                .hasMessageNotContaining("hunter2");
        assertThat(client.toString()).doesNotContain("hunter2");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
