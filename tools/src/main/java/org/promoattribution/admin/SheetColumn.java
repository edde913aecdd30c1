package org.promoattribution.admin;

import java.util.List;
import java.util.Locale;

/**
 * A column of a CSV sheet that people fill in: its name in help texts, the other names people
 * give it, and whether a header must have it. Names are matched ignoring case, spaces and
 * punctuation ("Credit policy", "credit_policy").
 */
interface SheetColumn {
    /**
     * What a column's enum constant holds.
     *
     * @param aliases other names of the column, matched as {@code header} is
     */
    record Heading(String header, boolean required, List<String> aliases) {
    }

    Heading heading();

    default String header() {
        return heading().header();
    }

    default boolean required() {
        return heading().required();
    }

    default boolean named(String name) {
        String wanted = normalized(name);
        return normalized(header()).equals(wanted)
                || heading().aliases().stream().anyMatch(a -> normalized(a).equals(wanted));
    }

    private static String normalized(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
