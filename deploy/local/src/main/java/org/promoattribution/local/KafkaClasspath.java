package org.promoattribution.local;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path of the child broker JVM: this JVM's own, which holds kafka_2.13 because this
 * module depends on it.
 *
 * <p>Why this and not a class path file written at build time: {@code java.class.path} is right
 * wherever the app or a test runs. From {@code java -cp app.jar:lib/*} it lists the jars; from
 * {@code java -jar app.jar} it names the jar, whose manifest Class-Path the child reads the same
 * way; under Surefire/Failsafe it is the test class path (or the booter jar whose manifest lists
 * it). Paths are made absolute because the child runs in its data directory.
 */
final class KafkaClasspath {

    /** Overrides the detection, e.g. for a caller whose class loader is not the system one. */
    static final String PROPERTY = "promo.attribution.kafka.classpath";

    private static final String KAFKA_MAIN = "kafka/Kafka.class";

    private KafkaClasspath() {}

    static List<String> entries() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return absolute(explicit.split(File.pathSeparator));
        }
        if (ClassLoader.getSystemClassLoader().getResource(KAFKA_MAIN) != null) {
            return absolute(System.getProperty("java.class.path").split(File.pathSeparator));
        }
        // Not on the system class path, e.g. `mvn exec:java` (Maven's own JVM) or an IDE runner with
        // an isolated loader: use the URLs of the loader that does see kafka_2.13.
        ClassLoader loader = KafkaClasspath.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getResource(KAFKA_MAIN) != null) {
            List<String> entries = new ArrayList<>();
            for (ClassLoader l = loader; l instanceof URLClassLoader u; l = l.getParent()) {
                for (URL url : u.getURLs()) {
                    entries.add(toPath(url));
                }
            }
            return entries;
        }
        throw new LocalServiceException(
                "org.apache.kafka:kafka_2.13 (class kafka.Kafka) is not on this JVM's class path, which the"
                        + " local broker is started with. Depend on promo-attribution-local at runtime scope,"
                        + " or pass -D" + PROPERTY + "=<class path with kafka_2.13 and its dependencies>.");
    }

    private static List<String> absolute(String[] entries) {
        List<String> result = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                result.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return result;
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toAbsolutePath().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new LocalServiceException("class path entry is not a local file: " + url, e);
        }
    }
}
