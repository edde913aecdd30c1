package org.promoattribution.admin;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.CodeDefinitions;
import org.promoattribution.validation.InvalidRecordException;

/**
 * Reads promo-code definitions from CSV (a header row of {@link CsvColumn}s, then one code a
 * row) and checks each the way the pipeline will ({@link CodeDefinitions#from}). Start and end
 * date-times are local to the row's time zone, as entered in the form.
 */
public final class PromoCodeCsv {
    /** The columns, in the form's order (a constant, for help texts). */
    public static final String COLUMNS = "promoCodeId, programId, partner, code, credit policy, match type, deal, "
            + "comments, email, start date-time, end date-time, time zone";

    /**
     * One row of the file: its spreadsheet number (the header is row 1) and its definition, or
     * the reason it has none.
     */
    public record Row(int number, PromoCode code, String error) {
        public boolean valid() {
            return error == null;
        }
    }

    private PromoCodeCsv() {
    }

    /** The file's rows, blank ones left out; a file-level problem (the header) is an IllegalArgumentException. */
    public static List<Row> read(Reader csv) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<String[]> records;
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            records = it.readAll();
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the file is empty: expected a header row of " + COLUMNS);
        }
        Map<CsvColumn, Integer> columns = header(records.get(0));
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> rowOfId = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            String[] cells = records.get(i);
            if (Arrays.stream(cells).allMatch(String::isBlank)) {
                continue;
            }
            Row row = row(i + 1, cells, columns);
            if (row.valid()) {
                Integer first = rowOfId.putIfAbsent(row.code().getPromoCodeId(), row.number());
                if (first != null) {
                    row = new Row(row.number(), null, "promoCodeId " + row.code().getPromoCodeId()
                            + " is also on row " + first + " (each code once per file)");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<CsvColumn, Integer> header(String[] names) {
        Map<CsvColumn, Integer> columns = new EnumMap<>(CsvColumn.class);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim();
            CsvColumn column = CsvColumn.of(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown column \"" + name + "\" in the header; the columns are " + COLUMNS));
            if (columns.put(column, i) != null) {
                throw new IllegalArgumentException("column \"" + column.header() + "\" appears twice in the header");
            }
        }
        List<String> missing = Arrays.stream(CsvColumn.values())
                .filter(c -> c.required() && !columns.containsKey(c)).map(CsvColumn::header).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header lacks the required column(s) " + String.join(", ", missing)
                    + "; the columns are " + COLUMNS);
        }
        return columns;
    }

    private static Row row(int number, String[] cells, Map<CsvColumn, Integer> columns) {
        if (Arrays.stream(cells).skip(columns.size()).anyMatch(c -> !c.isBlank())) {
            return new Row(number, null, "has " + cells.length + " fields; the header has " + columns.size());
        }
        Cells row = new Cells(cells, columns);
        try {
            PromoCode code = PromoCode.newBuilder()
                    .setPromoCodeId(row.text(CsvColumn.PROMO_CODE_ID))
                    .setProgramId(row.text(CsvColumn.PROGRAM_ID))
                    .setPartnerId(row.text(CsvColumn.PARTNER))
                    .setCode(row.text(CsvColumn.CODE))
                    .setCreditPolicy(row.choice(CsvColumn.CREDIT_POLICY, FormChoice.CREDIT_POLICY))
                    .setMatchType(row.choice(CsvColumn.MATCH_TYPE, FormChoice.MATCH_TYPE))
                    .setDealId(row.optional(CsvColumn.DEAL))
                    .setComments(row.optional(CsvColumn.COMMENTS))
                    .setEmail(row.optional(CsvColumn.EMAIL))
                    .setValidFrom(row.instant(CsvColumn.START))
                    .setValidTo(row.instant(CsvColumn.END))
                    .build();
            CodeDefinitions.from(code);
            return new Row(number, code, null);
        } catch (InvalidRecordException e) {
            return new Row(number, null, e.reason() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Row(number, null, e.getMessage());
        }
    }

    /** The cells of one row by column; absent columns and cells read as blank. */
    private record Cells(String[] cells, Map<CsvColumn, Integer> columns) {

        /** The trimmed cell, "" when blank: the pipeline's checks report a missing required field. */
        String text(CsvColumn column) {
            Integer index = columns.get(column);
            return index == null || index >= cells.length ? "" : cells[index].trim();
        }

        String optional(CsvColumn column) {
            String value = text(column);
            return value.isEmpty() ? null : value;
        }

        /** One of the form's choices, by its label or symbol ({@link FormChoice}). */
        <E extends Enum<E>> E choice(CsvColumn column, FormChoice<E> choice) {
            String value = text(column);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(column.header() + " is missing");
            }
            return choice.read(column, value);
        }

        /**
         * A local date-time ("2026-06-01 09:00", seconds optional; a date alone is its midnight)
         * in the row's time zone. In a daylight-saving gap the time moves forward by the gap; in
         * an overlap the earlier instant is taken.
         */
        Instant instant(CsvColumn column) {
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
            return ZonedDateTime.of(local, zone()).toInstant();
        }

        private ZoneId zone() {
            String zone = text(CsvColumn.TIME_ZONE);
            if (zone.isEmpty()) {
                throw new IllegalArgumentException("time zone is required with a start or end date-time "
                        + "(e.g. Europe/Paris or UTC)");
            }
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("time zone: unknown zone \"" + zone + "\" (e.g. Europe/Paris or UTC)");
            }
        }
    }
}
