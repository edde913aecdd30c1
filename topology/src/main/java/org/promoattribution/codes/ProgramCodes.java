package org.promoattribution.codes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;

/**
 * The live-code lookup structures of one program. Not thread-safe: {@link PromoCodeIndex}
 * guards it.
 */
final class ProgramCodes {
    private static final Comparator<CodeDefinition> BY_ID = Comparator.comparing(CodeDefinition::promoCodeId);

    private final Map<String, List<CodeDefinition>> exactByFoldedCode = new HashMap<>();
    private final PrefixTrie<CodeDefinition> regexByPrefix = new PrefixTrie<>();
    private final Map<String, List<CodeDefinition>> alwaysByPartner = new HashMap<>();
    private int size;

    void add(CodeDefinition definition) {
        if (definition.matchType() == MatchType.EXACT) {
            List<CodeDefinition> sameCode = exactByFoldedCode.computeIfAbsent(
                    TypedCodes.caseFold(definition.code()), c -> new ArrayList<>(1));
            sameCode.add(definition);
            sameCode.sort(BY_ID);
        } else {
            regexByPrefix.add(definition.literalPrefix(), definition);
        }
        if (definition.creditPolicy() == CreditPolicy.ALWAYS) {
            alwaysByPartner.computeIfAbsent(definition.partnerId(), p -> new ArrayList<>(1)).add(definition);
        }
        size++;
    }

    void remove(CodeDefinition definition) {
        if (definition.matchType() == MatchType.EXACT) {
            String folded = TypedCodes.caseFold(definition.code());
            List<CodeDefinition> sameCode = exactByFoldedCode.get(folded);
            if (sameCode != null && sameCode.remove(definition) && sameCode.isEmpty()) {
                exactByFoldedCode.remove(folded);
            }
        } else {
            regexByPrefix.remove(definition.literalPrefix(), definition);
        }
        List<CodeDefinition> always = alwaysByPartner.get(definition.partnerId());
        if (always != null && always.remove(definition) && always.isEmpty()) {
            alwaysByPartner.remove(definition.partnerId());
        }
        size--;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * The definition a trimmed code matches at {@code t}: an EXACT match wins over a REGEX
     * match; among matches of one kind the smallest promoCodeId wins. Null when none.
     */
    CodeDefinition match(String code, Instant t) {
        // folding is a pass over the code (up to 1,000 characters): none when no EXACT code can be found
        List<CodeDefinition> exact = exactByFoldedCode.isEmpty() ? null : exactByFoldedCode.get(TypedCodes.caseFold(code));
        if (exact != null) {
            for (CodeDefinition definition : exact) { // sorted by id
                if (definition.isLiveAt(t) && definition.matches(code)) {
                    return definition;
                }
            }
        }
        List<CodeDefinition> candidates = new ArrayList<>();
        regexByPrefix.forEachPrefixOf(code, d -> {
            if (d.isLiveAt(t)) {
                candidates.add(d);
            }
        });
        candidates.sort(BY_ID);
        for (CodeDefinition definition : candidates) {
            if (definition.matches(code)) {
                return definition;
            }
        }
        return null;
    }

    boolean partnerHoldsAlwaysCode(String partnerId, Instant t) {
        List<CodeDefinition> always = alwaysByPartner.get(partnerId);
        if (always == null) {
            return false;
        }
        for (CodeDefinition definition : always) {
            if (definition.isLiveAt(t)) {
                return true;
            }
        }
        return false;
    }
}
