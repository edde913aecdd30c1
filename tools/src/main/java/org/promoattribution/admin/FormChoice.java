package org.promoattribution.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.promoattribution.schemas.CreditPolicy;
import org.promoattribution.schemas.MatchType;

/**
 * A choice of the "Create a Promo Code" form as a manager copies it: the form's own labels
 * ("Credit If winner", "Regular Expression (Advanced) [Regex]") or our symbol (IF_WINNER), compared
 * ignoring case, spaces and punctuation, as column headers are.
 */
final class FormChoice<E extends Enum<E>> {
    static final FormChoice<CreditPolicy> CREDIT_POLICY = new FormChoice<>(CreditPolicy.class, Map.of(
            CreditPolicy.ALWAYS, List.of("Always credit", "Credit always"),
            CreditPolicy.IF_INVOLVED, List.of("Credit If involved"),
            CreditPolicy.IF_WINNER, List.of("Credit If winner")));
    static final FormChoice<MatchType> MATCH_TYPE = new FormChoice<>(MatchType.class, Map.of(
            MatchType.EXACT, List.of("Exact Match"),
            MatchType.REGEX, List.of("Regular Expression (Advanced) [Regex]", "Regular Expression (Advanced)",
                    "Regular Expression")));

    private final Class<E> type;
    private final Map<String, E> byWords = new LinkedHashMap<>();
    /** What an error lists: the form's first label of each choice. */
    private final List<String> shown;

    private FormChoice(Class<E> type, Map<E, List<String>> labels) {
        this.type = type;
        for (E symbol : type.getEnumConstants()) {
            byWords.put(words(symbol.name()), symbol);
            labels.get(symbol).forEach(label -> byWords.put(words(label), symbol));
        }
        shown = Arrays.stream(type.getEnumConstants()).map(symbol -> labels.get(symbol).get(0)).toList();
    }

    /** @throws IllegalArgumentException naming the column and the choices, when {@code value} is none of them */
    E read(SheetColumn column, String value) {
        E symbol = byWords.get(words(value));
        if (symbol == null) {
            throw new IllegalArgumentException(column.header() + ": \"" + value + "\" is not one of "
                    + String.join(", ", shown) + " (or " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        return symbol;
    }

    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
