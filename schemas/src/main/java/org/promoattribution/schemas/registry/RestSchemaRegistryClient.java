package org.promoattribution.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API, which Confluent,
 * Apicurio (ccompat, base URL {@code http://host:port/apis/ccompat/v7}), Karapace and Redpanda serve.
 * Only the documented calls are used, and no registry-specific {@code error_code} is relied on.
 *
 * <p>Caching: ids and schemas never change once assigned, so id→schema and (subject, schema)→id are
 * cached for the life of the client (a handful of entries per topic; failures are never cached).
 * {@link #latestVersion} is <em>not</em> cached: "latest" changes when someone registers, and the
 * serializer already remembers the id it chose per subject.
 *
 * <p>Thread-safe; requests are made outside any lock, so two threads missing the cache at once may
 * both ask the registry, which is harmless.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestSchemaRegistryConfig config;
    private final RegistryHttpTransport transport;
    private final RegistryErrors errors;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    /** Set once some answer proved that the base URL serves the registry API (see {@link #schemaById}). */
    private volatile boolean registryApiSeen;

    public RestSchemaRegistryClient(RestSchemaRegistryConfig config) {
        this.config = config;
        this.transport = new RegistryHttpTransport(config);
        this.errors = new RegistryErrors(JSON, config.credentials().isPresent());
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        String doing = "registering " + schema.getFullName() + " under subject " + subject;
        RegistryResponse response = transport.send(RegistryRequest.post(
                "/subjects/" + encode(subject) + "/versions", schemaBody(schema), "subject " + subject));
        if (response.status() == 409) {
            // Two writers registering the same new schema at once: some registries answer the
            // second with 409; the schema is then registered and its id is what we want.
            try {
                return idOf(subject, schema);
            } catch (SchemaNotRegisteredException notThere) {
                // a real incompatibility, reported below
            }
            throw new IncompatibleSchemaException(subject, "schema registry rejected " + schema.getFullName()
                    + " as incompatible with earlier versions of subject " + subject + ": "
                    + response.describe() + errors.detail(response));
        }
        if (response.status() == 404) {
            requireRegistryApi(response); // a registry never answers 404 here; a wrong base URL does
        }
        int id = readId(successBody(response, doing), response, doing);
        idsBySubjectSchema.putIfAbsent(key, id);
        return id;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        String doing = "looking up " + schema.getFullName() + " under subject " + subject;
        RegistryResponse response = transport.send(RegistryRequest.post(
                "/subjects/" + encode(subject), schemaBody(schema), "subject " + subject));
        if (response.status() == 404) {
            requireRegistryApi(response);
            // Subject unknown or schema not among its versions; registries tell these apart only by error_code.
            throw new SchemaNotRegisteredException(subject, schema.getFullName() + " is not registered under subject "
                    + subject + ": " + response.describe() + errors.detail(response));
        }
        int id = readId(successBody(response, doing), response, doing);
        idsBySubjectSchema.putIfAbsent(key, id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        if (id < 0) {
            // Registries number from 1; a negative id can only come from corrupt bytes. Asking would
            // risk a 400/500 that reads as registry trouble.
            throw new UnknownSchemaIdException(id, "unknown schema id " + id + ": registries assign no negative ids");
        }
        String doing = "fetching schema id " + id;
        RegistryResponse response = transport.send(RegistryRequest.get("/schemas/ids/" + id, "schema id " + id));
        if (response.status() == 404) {
            requireRegistryApi(response);
            throw new UnknownSchemaIdException(id, "unknown schema id " + id + ": " + response.describe()
                    + errors.detail(response));
        }
        JsonNode body = successBody(response, doing);
        Schema schema = avroSchemaOf(body, response, doing, id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        String doing = "fetching the latest version of subject " + subject;
        RegistryResponse response = transport.send(RegistryRequest.get(
                "/subjects/" + encode(subject) + "/versions/latest", "subject " + subject));
        if (response.status() == 404) {
            requireRegistryApi(response);
            throw new SchemaNotRegisteredException(subject, "subject " + subject + " has no versions: "
                    + response.describe() + errors.detail(response));
        }
        JsonNode body = successBody(response, doing);
        int id = readId(body, response, doing);
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw malformed(response, doing, "no version");
        }
        Schema schema;
        try {
            schema = avroSchemaOf(body, response, doing, id);
        } catch (UnknownSchemaIdException e) {
            // Here it is the subject's content, not a record, that is unusable.
            throw new SchemaRegistryException(e.getMessage(), e);
        }
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, version.intValue(), id, schema);
    }

    @Override
    public void checkReachable() {
        RegistryResponse response = transport.sendOnce(RegistryRequest.get("/subjects", "checking the registry"));
        if (!response.isSuccess()) {
            throw errors.unexpected(response, "listing subjects");
        }
        JsonNode subjects = parse(response.body());
        if (subjects == null || !subjects.isArray()) {
            throw new SchemaRegistryException(response.describe() + " without a list of subjects: no schema "
                    + "registry API at this URL; check " + RestSchemaRegistryConfig.URL
                    + " (for Apicurio end it with /apis/ccompat/v7)");
        }
        registryApiSeen = true;
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient[" + config + "]";
    }

    /**
     * Before taking a 404 at its word, make sure the base URL serves the registry API at all:
     * a wrong base URL (say, Apicurio without {@code /apis/ccompat/v7}) answers 404 to everything,
     * and reporting that as unknown ids would send good records to the dead-letter topic.
     * Costs one {@code GET /subjects} per client, and only if no earlier call succeeded.
     */
    private void requireRegistryApi(RegistryResponse notFound) {
        if (registryApiSeen) {
            return;
        }
        RegistryResponse probe = transport.send(RegistryRequest.get("/subjects", "checking the registry API"));
        JsonNode subjects = probe.isSuccess() ? parse(probe.body()) : null;
        if (subjects != null && subjects.isArray()) {
            registryApiSeen = true;
            return;
        }
        if (probe.status() == 401 || probe.status() == 403) {
            throw errors.unexpected(probe, "listing subjects");
        }
        throw new SchemaRegistryException(notFound.describe() + " and " + probe.describe()
                + " without a list of subjects: no schema registry API at this URL; check "
                + RestSchemaRegistryConfig.URL + " (for Apicurio end it with /apis/ccompat/v7)");
    }

    /**
     * The Avro schema of a {@code /schemas/ids} or {@code /versions} answer. A schema that is not
     * Avro, or that this client cannot parse (say, it uses references), is unusable by the record
     * that names it: reported as {@link UnknownSchemaIdException}, the record's fault.
     */
    private Schema avroSchemaOf(JsonNode body, RegistryResponse response, String doing, int id) {
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw new UnknownSchemaIdException(id, "schema id " + id + " is a " + type.asText()
                    + " schema, not Avro (" + response.describe() + ")");
        }
        JsonNode text = body.get("schema");
        if (text == null || !text.isTextual()) {
            throw malformed(response, doing, "no schema");
        }
        try {
            // Lenient about defaults: what the registry accepted must be readable here.
            return new Schema.Parser().setValidateDefaults(false).parse(text.asText());
        } catch (SchemaParseException e) {
            throw new UnknownSchemaIdException(id, "schema id " + id + " is not an Avro schema this client can use ("
                    + response.describe() + "): " + e.getMessage());
        }
    }

    private JsonNode successBody(RegistryResponse response, String doing) {
        if (!response.isSuccess()) {
            throw errors.unexpected(response, doing);
        }
        JsonNode body = parse(response.body());
        if (body == null || !body.isObject()) {
            throw malformed(response, doing, "not a JSON object");
        }
        registryApiSeen = true;
        return body;
    }

    private static int readId(JsonNode body, RegistryResponse response, String doing) {
        JsonNode id = body.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw malformed(response, doing, "no id");
        }
        return id.intValue();
    }

    private static SchemaRegistryException malformed(RegistryResponse response, String doing, String what) {
        return new SchemaRegistryException("schema registry gave an unexpected answer " + doing + ": "
                + response.describe() + " with " + what + " in its body");
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String schemaBody(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON string", e);
        }
    }

    /** A subject as one path segment; URLEncoder is for forms, where a space is '+'. */
    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
