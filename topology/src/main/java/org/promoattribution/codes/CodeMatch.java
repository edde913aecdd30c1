package org.promoattribution.codes;

/** A code typed at checkout (trimmed) and the live definition it matched. */
public record CodeMatch(String code, CodeDefinition definition) {
    public String partnerId() {
        return definition.partnerId();
    }
}
