package org.promoattribution.streams;

import java.util.Optional;
import java.util.function.Function;
import org.promoattribution.codes.CodeDefinition;
import org.promoattribution.codes.PromoCodeIndex;
import org.promoattribution.config.CodeTableSettings;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.CodeDefinitions;

/**
 * Makes a promo-code record a live definition of a {@link PromoCodeIndex} (SPEC rule 9). The
 * promo-codes stream tries each definition on an index of its own before it reaches the
 * validated topic: one that cannot be applied fails there, where a failure goes to the
 * dead-letter topic as PROCESSING_ERROR, instead of in the global store's updater, which cannot
 * forward and runs on every instance.
 */
final class PromoCodeApplier {
    /** Definitions checked and compiled within the configured {@code regex.max.states}. */
    static PromoCodeApplier of(CodeTableSettings settings) {
        return new PromoCodeApplier(new CodeDefinitions(settings.regexMaxStates())::check);
    }

    private final Function<PromoCode, CodeDefinition> definitions;

    /** @param definitions how a record becomes a definition; tests swap in one that fails */
    PromoCodeApplier(Function<PromoCode, CodeDefinition> definitions) {
        this.definitions = definitions;
    }

    /** The promo-codes stream's check: applies {@code promoCode} to a scratch index; throws what applying throws. */
    PromoCode tryOut(PromoCode promoCode) {
        apply(new PromoCodeIndex(), promoCode.getPromoCodeId(), promoCode);
        return promoCode;
    }

    /**
     * Puts the definition of {@code promoCode} under {@code key}; when that fails, the definition
     * live before stays live and the failure is thrown. A StackOverflowError (a pattern nested too
     * deep for the thread's stack) is the record's fault and leaves the JVM sound, so it is thrown
     * as an exception the dead-letter handler can take; other Errors pass through.
     */
    void apply(PromoCodeIndex index, String key, PromoCode promoCode) {
        Optional<CodeDefinition> live = index.get(key);
        try {
            index.put(key, definitions.apply(promoCode));
        } catch (RuntimeException | StackOverflowError e) {
            index.remove(key); // a put that failed half-way may have left part of the new definition
            live.ifPresent(definition -> index.put(key, definition));
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("promo code " + key + " could not be applied: " + e, e);
        }
    }
}
