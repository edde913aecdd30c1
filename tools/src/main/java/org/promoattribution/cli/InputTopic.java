package org.promoattribution.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Function;
import org.promoattribution.config.Topics;
import org.promoattribution.simulate.SimEvent;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The pipeline's input topics as {@code produce} names them, whatever their configured names. */
enum InputTopic {
    CLICKS("clicks", SimEvent.Kind.CLICK, "click", Topics::clicks),
    CONVERSIONS("conversions", SimEvent.Kind.CONVERSION, "conversion", Topics::conversions),
    PROMO_CODES("promo-codes", SimEvent.Kind.PROMO_CODE, "promo_code", Topics::promoCodes),
    ADJUSTMENTS("conversion-adjustments", SimEvent.Kind.ADJUSTMENT, "adjustment", Topics::adjustments);

    private final String label;
    private final SimEvent.Kind kind;
    private final String eventType;
    private final Function<Topics, String> configured;

    InputTopic(String label, SimEvent.Kind kind, String eventType, Function<Topics, String> configured) {
        this.label = label;
        this.kind = kind;
        this.eventType = eventType;
        this.configured = configured;
    }

    SimEvent.Kind kind() {
        return kind;
    }

    /** The "type" of its events in simulate's JSON lines. */
    String eventType() {
        return eventType;
    }

    String in(Topics topics) {
        return configured.apply(topics);
    }

    @Override
    public String toString() {
        return label;
    }

    static InputTopic of(SimEvent.Kind kind) {
        return Arrays.stream(values()).filter(t -> t.kind == kind).findFirst().orElseThrow();
    }

    /** Reads the labels (clicks, conversions, promo-codes, conversion-adjustments) on the command line. */
    static final class Converter implements ITypeConverter<InputTopic> {
        @Override
        public InputTopic convert(String value) {
            return Arrays.stream(values()).filter(t -> t.label.equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException(
                            "expected clicks, conversions, promo-codes or conversion-adjustments"));
        }
    }

    /** The labels, for help and shell completion. */
    static final class Labels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(t -> t.label).iterator();
        }
    }
}
