package org.promoattribution.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the schema registry app built by the deploy/registry module. */
final class RegistryJar {

    static final String PROPERTY = "promo.attribution.registry.jar";
    static final String ENV = "PROMO_ATTRIBUTION_REGISTRY_JAR";
    static final Path RELATIVE = Path.of("deploy", "registry", "target", "quarkus-app", "quarkus-run.jar");

    private RegistryJar() {}

    /**
     * The system property {@value #PROPERTY}, else the environment variable {@value #ENV}, else
     * {@code deploy/registry/target/quarkus-app/quarkus-run.jar} under the working directory or the
     * nearest of its parents that has one (the project root, from any module or from the root).
     */
    static Path locate() {
        String explicit = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(ENV);
            source = "environment variable " + ENV;
        }
        if (explicit != null && !explicit.isBlank()) {
            Path jar = Path.of(explicit).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new LocalServiceException(source + " names " + jar + ", which is not a file");
            }
            return jar;
        }
        return locateFrom(Path.of("").toAbsolutePath());
    }

    /** The walk up from {@code start}, without the property and environment variable. */
    static Path locateFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve(RELATIVE);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new LocalServiceException(
                "The local schema registry is not built: no " + RELATIVE + " in " + start
                        + " or its parents. Build it from the project root with"
                        + " `mvn -B install -DskipTests` (or `mvn -B -pl deploy/registry install`), or point"
                        + " -D" + PROPERTY + " / " + ENV + " at a quarkus-run.jar.");
    }
}
