package org.promoattribution.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Definitions with a schedule (promo codes, commission terms) as a plain-text table: one row each,
 * its times as local date-times of one zone, as the import reads them, and its status at a given
 * time (live, scheduled, expired) in the last column.
 */
public abstract class ScheduleListing<T> {
    private final List<String> headers;
    private final DateTimeFormatter time;
    private final Function<T, Instant> validFrom;
    private final Function<T, Instant> validTo;

    /** @param headers the columns before STATUS; @param validFrom and @param validTo a definition's schedule */
    ScheduleListing(List<String> headers, ZoneId zone, Function<T, Instant> validFrom, Function<T, Instant> validTo) {
        this.headers = new ArrayList<>(headers);
        this.headers.add("STATUS");
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    public String table(List<T> definitions, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(headers);
        for (T definition : definitions) {
            List<String> row = new ArrayList<>(cells(definition));
            row.add(ScheduleStatus.of(validFrom.apply(definition), validTo.apply(definition), now));
            rows.add(row);
        }
        return TextTable.format(rows);
    }

    /** The definition's cells under the headers, its times written with {@link #format}. */
    abstract List<String> cells(T definition);

    final String format(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }
}
