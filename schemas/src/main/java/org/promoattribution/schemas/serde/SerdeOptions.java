package org.promoattribution.schemas.serde;

/**
 * How a serializer picks the schema id it writes, as Confluent's serializers do:
 * {@code auto.register.schemas} registers the class's schema; {@code use.latest.version}
 * writes under the subject's latest version; with neither, the schema must already be registered.
 */
public record SerdeOptions(boolean autoRegister, boolean useLatestVersion) {
    public static final SerdeOptions DEFAULT = new SerdeOptions(true, false);
}
