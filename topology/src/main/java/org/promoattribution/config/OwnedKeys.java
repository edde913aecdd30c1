package org.promoattribution.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The configuration keys one owner reads, declared in one place as Kafka's ConfigDef declares a
 * client's: each key's name, how its value is read and checked, its default and what it means.
 * A family is a key per program ({@code lock.period.program.<programId>}). The owner's prefixes are
 * the namespaces it claims: a key under one of them that no owner declares is a typo
 * ({@link AttributionConfig}), so none of them may be a prefix of a Kafka setting.
 */
public final class OwnedKeys {
    /** Reads one value, throwing IllegalArgumentException naming {@code key} when it makes no sense. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String key, String value);
    }

    /** One declared key; {@code fallback} is null when the key has no default (or a derived one, said in {@code doc}). */
    public record Key<T>(String name, Parser<T> parser, String fallback, String doc) {
    }

    private final String owner;
    private final List<String> prefixes;
    private final boolean passedToKafkaStreams;
    private final Map<String, Key<?>> keys = new LinkedHashMap<>();
    private final Map<String, Key<?>> families = new LinkedHashMap<>();

    private OwnedKeys(String owner, boolean passedToKafkaStreams, List<String> prefixes) {
        this.owner = owner;
        this.prefixes = prefixes;
        this.passedToKafkaStreams = passedToKafkaStreams;
    }

    /** The keys of {@code owner}, under {@code prefixes}, kept from Kafka Streams. */
    public static OwnedKeys of(String owner, String... prefixes) {
        return new OwnedKeys(owner, false, List.of(prefixes));
    }

    /** Keys read from the Kafka Streams settings (a RocksDB config setter finds only those), so passed on. */
    public static OwnedKeys passedToKafkaStreams(String owner, String... prefixes) {
        return new OwnedKeys(owner, true, List.of(prefixes));
    }

    public <T> OwnedKeys define(String name, Parser<T> parser, String fallback, String doc) {
        requireUnderPrefix(name);
        keys.put(name, new Key<>(name, parser, fallback, doc));
        return this;
    }

    /** Keys {@code prefix + programId}, each the setting of one program. */
    public <T> OwnedKeys definePerProgram(String prefix, Parser<T> parser, String doc) {
        requireUnderPrefix(prefix);
        families.put(prefix, new Key<>(prefix, parser, null, doc));
        return this;
    }

    private void requireUnderPrefix(String name) {
        if (!covers(name)) {
            throw new IllegalStateException(name + " is not under " + owner + "'s prefixes " + prefixes);
        }
    }

    public String owner() {
        return owner;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public boolean passesToKafkaStreams() {
        return passedToKafkaStreams;
    }

    /** Every key as a person would write it: a family as {@code prefix<programId>}. */
    public Stream<Key<?>> declared() {
        return Stream.concat(keys.values().stream(), families.values().stream()
                .map(f -> new Key<>(f.name() + "<programId>", f.parser(), null, f.doc())));
    }

    /** The prefixes of the per-program families: {@code lock.period.program.}. */
    public Stream<String> perProgramPrefixes() {
        return families.keySet().stream();
    }

    public boolean declares(String key) {
        return keys.containsKey(key) || families.keySet().stream().anyMatch(key::startsWith);
    }

    /** Whether {@code key} is under one of this owner's prefixes, declared or not. */
    public boolean covers(String key) {
        return prefixes.stream().anyMatch(key::startsWith);
    }

    /** The names {@code key} may have been meant as: the keys, and each family with {@code key}'s last segment. */
    Stream<String> candidates(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return Stream.concat(keys.keySet().stream(), families.keySet().stream().map(prefix -> prefix + last));
    }

    /** The value of {@code key} in {@code values}, trimmed and parsed, else its default's; null without either. */
    @SuppressWarnings("unchecked")
    public <T> T value(String key, Map<?, ?> values) {
        Key<?> declared = keys.get(key);
        if (declared == null) {
            throw new IllegalStateException(owner + " declares no key " + key);
        }
        Object configured = values.get(key);
        String text = configured == null ? declared.fallback() : configured.toString().trim();
        return text == null ? null : (T) declared.parser().parse(key, text);
    }

    /** The values of the family {@code prefix}, by programId. */
    @SuppressWarnings("unchecked")
    public <T> Map<String, T> perProgram(String prefix, Map<String, String> values) {
        Key<?> family = families.get(prefix);
        if (family == null) {
            throw new IllegalStateException(owner + " declares no keys " + prefix + "<programId>");
        }
        Map<String, T> byProgram = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                byProgram.put(key.substring(prefix.length()), (T) family.parser().parse(key, value.trim()));
            }
        });
        return Map.copyOf(byProgram);
    }
}
