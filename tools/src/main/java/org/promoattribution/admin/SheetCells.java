package org.promoattribution.admin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The cells of one sheet row by column; absent columns and cells read as blank. */
final class SheetCells<C extends Enum<C> & SheetColumn> {
    private final String[] cells;
    private final Map<C, Integer> columns;

    SheetCells(String[] cells, Map<C, Integer> columns) {
        this.cells = cells;
        this.columns = columns;
    }

    /** The trimmed cell, "" when blank: the pipeline's checks report a missing required field. */
    String text(C column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.length ? "" : cells[index].trim();
    }

    /** The cell exactly as written, "" when absent. */
    String asWritten(C column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.length ? "" : cells[index];
    }

    String optional(C column) {
        String value = text(column);
        return value.isEmpty() ? null : value;
    }

    /** One of a form's choices, by its label or symbol ({@link FormChoice}). */
    <E extends Enum<E>> E choice(C column, FormChoice<E> choice) {
        String value = text(column);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(column.header() + " is missing");
        }
        return choice.read(column, value);
    }

    /**
     * A local date-time ("2026-06-01 09:00", seconds optional; a date alone is its midnight) in
     * the zone of column {@code zoneColumn}, else {@code defaultZone} (null: the zone is required).
     * In a daylight-saving gap the time moves forward by the gap; in an overlap the earlier
     * instant is taken.
     */
    Instant instant(C column, C zoneColumn, ZoneId defaultZone) {
        String value = text(column);
        if (value.isEmpty()) {
            return null;
        }
        LocalDateTime local;
        try {
            String iso = value.replaceFirst(" +", "T");
            local = LocalDateTime.parse(iso.length() == 10 ? iso + "T00:00" : iso);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column.header() + ": \"" + value
                    + "\" is not a date-time such as 2026-06-01 09:00");
        }
        return ZonedDateTime.of(local, zone(zoneColumn, defaultZone)).toInstant();
    }

    private ZoneId zone(C column, ZoneId defaultZone) {
        String zone = text(column);
        if (zone.isEmpty()) {
            if (defaultZone != null) {
                return defaultZone;
            }
            throw new IllegalArgumentException(column.header() + " is required with a start or end date-time "
                    + "(e.g. Europe/Paris or UTC)");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(column.header() + ": unknown zone \"" + zone
                    + "\" (e.g. Europe/Paris or UTC)");
        }
    }
}
