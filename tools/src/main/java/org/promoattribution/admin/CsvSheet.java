package org.promoattribution.admin;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.promoattribution.validation.InvalidRecordException;

/**
 * A CSV sheet people fill in: a header row naming columns of {@code C} in any order, then one
 * definition a row, each checked on its own, with an id that may appear once per file.
 */
final class CsvSheet<C extends Enum<C> & SheetColumn> {
    /** Builds one row's definition; an IllegalArgumentException or InvalidRecordException says why it has none. */
    interface RowReader<C extends Enum<C> & SheetColumn, T> {
        T read(SheetCells<C> cells);
    }

    private final Class<C> type;
    private final String idName;
    private final String unit;

    /** @param idName the id's field, as errors name it; @param unit what one row defines ("code") */
    CsvSheet(Class<C> type, String idName, String unit) {
        this.type = type;
        this.idName = idName;
        this.unit = unit;
    }

    /** The columns' names, in their order: for help texts and errors. */
    String columns() {
        return Arrays.stream(type.getEnumConstants()).map(SheetColumn::header).collect(Collectors.joining(", "));
    }

    /** The file's rows, blank ones left out; a file-level problem (the header) is an IllegalArgumentException. */
    <T> List<SheetRow<T>> read(Reader csv, RowReader<C, T> reader, Function<T, String> id) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<String[]> records;
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            records = it.readAll();
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the file is empty: expected a header row of " + columns());
        }
        Map<C, Integer> columns = header(records.get(0));
        List<SheetRow<T>> rows = new ArrayList<>();
        Map<String, Integer> rowOfId = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            String[] cells = records.get(i);
            if (Arrays.stream(cells).allMatch(String::isBlank)) {
                continue;
            }
            SheetRow<T> row = row(i + 1, cells, columns, reader);
            if (row.valid()) {
                Integer first = rowOfId.putIfAbsent(id.apply(row.value()), row.number());
                if (first != null) {
                    row = new SheetRow<>(row.number(), null, idName + " " + id.apply(row.value())
                            + " is also on row " + first + " (each " + unit + " once per file)");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private Map<C, Integer> header(String[] names) {
        Map<C, Integer> columns = new EnumMap<>(type);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim();
            C column = Arrays.stream(type.getEnumConstants()).filter(c -> c.named(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown column \"" + name + "\" in the header; the columns are " + columns()));
            if (columns.put(column, i) != null) {
                throw new IllegalArgumentException("column \"" + column.header() + "\" appears twice in the header");
            }
        }
        List<String> missing = Arrays.stream(type.getEnumConstants())
                .filter(c -> c.required() && !columns.containsKey(c)).map(SheetColumn::header).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header lacks the required column(s) " + String.join(", ", missing)
                    + "; the columns are " + columns());
        }
        return columns;
    }

    private static <C extends Enum<C> & SheetColumn, T> SheetRow<T> row(int number, String[] cells,
                                                                       Map<C, Integer> columns, RowReader<C, T> reader) {
        if (Arrays.stream(cells).skip(columns.size()).anyMatch(c -> !c.isBlank())) {
            return new SheetRow<>(number, null, "has " + cells.length + " fields; the header has " + columns.size());
        }
        try {
            return new SheetRow<>(number, reader.read(new SheetCells<>(cells, columns)), null);
        } catch (InvalidRecordException e) {
            return new SheetRow<>(number, null, e.reason() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new SheetRow<>(number, null, e.getMessage());
        }
    }
}
