package org.promoattribution.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.registry.RecordingHttpServer.Reply;

/**
 * {@code schema.registry.ssl.*}: a registry on HTTPS with a self-signed certificate made here with
 * the JDK's keytool, and one that asks for the client's certificate.
 */
class RegistryTlsTest {
    private static final Schema CLICK = Click.getClassSchema();
    private static final String ROUTE = "GET /schemas/ids/7";
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path serverKeys;
    private static Path clientKeys;
    /** Trusts the server's certificate: what the client is given. */
    private static Path clientTrust;
    /** Trusts the client's certificate: what the server is given. */
    private static Path serverTrust;

    @BeforeAll
    static void makeCertificates() throws Exception {
        serverKeys = keyPair("registry", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        clientKeys = keyPair("pipeline", "CN=pipeline", null);
        clientTrust = trusting(serverKeys, "registry");
        serverTrust = trusting(clientKeys, "pipeline");
    }

    @Test
    void aRegistryWithACertificateOfTheTruststoreIsTrusted() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.https(serverContext(null), false)) {
            server.on(ROUTE, Reply.json(200, "{\"schema\":" + quoted(CLICK) + "}"));

            SchemaRegistryClient client = SchemaRegistryClients.fromConfig(settings(server,
                    RegistryTls.TRUSTSTORE_LOCATION, clientTrust.toString(),
                    RegistryTls.TRUSTSTORE_PASSWORD, PASSWORD));

            assertThat(client.schemaById(7)).isEqualTo(CLICK);
        }
    }

    @Test
    void withoutTheTruststoreTheCertificateIsRefusedAtOnceWithTheSettingToFix() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.https(serverContext(null), false)) {
            server.on(ROUTE, Reply.json(200, "{\"schema\":" + quoted(CLICK) + "}"));
            SchemaRegistryClient client = SchemaRegistryClients.fromConfig(settings(server));

            assertThatThrownBy(() -> client.schemaById(7))
                    .isExactlyInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("TLS handshake with " + server.url())
                    .hasMessageContaining(RegistryTls.TRUSTSTORE_LOCATION);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aRegistryAskingForAClientCertificateGetsTheKeystores() throws Exception {
        try (RecordingHttpServer server = RecordingHttpServer.https(serverContext(serverTrust), true)) {
            server.on(ROUTE, Reply.json(200, "{\"schema\":" + quoted(CLICK) + "}"));
            Map<String, Object> trustOnly = settings(server, RegistryTls.TRUSTSTORE_LOCATION, clientTrust.toString(),
                    RegistryTls.TRUSTSTORE_PASSWORD, PASSWORD, "max.retries", "0");
            Map<String, Object> withKeys = new HashMap<>(trustOnly);
            withKeys.put(RegistryTls.KEYSTORE_LOCATION, clientKeys.toString());
            withKeys.put(RegistryTls.KEYSTORE_PASSWORD, PASSWORD);
            withKeys.put(RegistryTls.KEYSTORE_TYPE, "PKCS12");

            assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(trustOnly).schemaById(7))
                    .isInstanceOf(SchemaRegistryException.class);
            assertThat(SchemaRegistryClients.fromConfig(withKeys).schemaById(7)).isEqualTo(CLICK);
        }
    }

    @Test
    void aTruststoreThatCannotBeOpenedIsAConfigErrorNamingTheKeyNotThePassword() {
        Map<String, Object> config = Map.of("schema.registry.url", "https://127.0.0.1:1",
                RegistryTls.TRUSTSTORE_LOCATION, clientTrust.toString(),
                RegistryTls.TRUSTSTORE_PASSWORD, "wrong-Pa55word");

        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistryTls.TRUSTSTORE_LOCATION)
                .hasMessageNotContaining("wrong-Pa55word");
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "https://127.0.0.1:1",
                RegistryTls.TRUSTSTORE_LOCATION, dir.resolve("missing.p12").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void printingTheSettingsShowsNoPassword() {
        RegistryTls tls = RegistryTls.fromConfig(Map.of(RegistryTls.TRUSTSTORE_LOCATION, clientTrust.toString(),
                RegistryTls.TRUSTSTORE_PASSWORD, "s3cret-trust", RegistryTls.KEYSTORE_LOCATION, clientKeys.toString(),
                RegistryTls.KEYSTORE_PASSWORD, "s3cret-keys", RegistryTls.KEY_PASSWORD, "s3cret-key"));

        assertThat(tls.toString()).contains(clientTrust.toString()).doesNotContain("s3cret");
    }

    private static Map<String, Object> settings(RecordingHttpServer server, String... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", server.url());
        config.put("retries.wait.ms", "5");
        for (int k = 0; k < keyValues.length; k += 2) {
            config.put(keyValues[k], keyValues[k + 1]);
        }
        return config;
    }

    /** The server's context: its key pair and, when given, the store of client certificates it trusts. */
    private static SSLContext serverContext(Path trustedClients) {
        Map<String, Object> config = new HashMap<>();
        config.put(RegistryTls.KEYSTORE_LOCATION, serverKeys.toString());
        config.put(RegistryTls.KEYSTORE_PASSWORD, PASSWORD);
        if (trustedClients != null) {
            config.put(RegistryTls.TRUSTSTORE_LOCATION, trustedClients.toString());
            config.put(RegistryTls.TRUSTSTORE_PASSWORD, PASSWORD);
        }
        return RegistryTls.fromConfig(config).sslContext();
    }

    private static String quoted(Schema schema) {
        return "\"" + schema.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Path keyPair(String alias, String dname, String extension) throws Exception {
        Path store = dir.resolve(alias + "-keys.p12");
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "2", "-dname", dname, "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (extension != null) {
            args.addAll(List.of("-ext", extension));
        }
        keytool(args);
        return store;
    }

    private static Path trusting(Path keys, String alias) throws Exception {
        Path certificate = dir.resolve(alias + ".crt");
        Path store = dir.resolve(alias + "-trusted.p12");
        keytool(List.of("-exportcert", "-alias", alias, "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-rfc", "-file", certificate.toString()));
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD));
        return store;
    }

    private static void keytool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args.get(0), output).isZero();
    }
}
