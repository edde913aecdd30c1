package org.promoattribution.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** results.json: the run's context, the headline figures (flat, numeric), the targets and every row. */
final class ResultsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    static Map<String, Object> document(RunContext context, BenchResults results, double loadAtEnd) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("started_at", context.startedAt().toString());
        doc.put("mode", context.mode());
        doc.put("cluster", context.cluster());
        doc.put("cores", context.cores());
        doc.put("load_average_at_start", context.loadAverageAtStart());
        doc.put("load_average_at_end", loadAtEnd);
        results.figures().forEach((key, value) -> doc.put(key, finite(value)));
        doc.put("targets", results.targets().stream().map(t -> {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("target", t.description());
            target.put("key", t.key());
            target.put("value", finite(t.value()));
            target.put("limit", t.limit());
            target.put("pass", t.passed());
            return target;
        }).toList());
        doc.put("throughput", rows(results.main()));
        doc.put("throughput_with_adjustments", rows(results.adjusted().stream().toList()));
        doc.put("throughput_with_terms", rows(results.withTerms().stream().toList()));
        doc.put("latency", results.latencies());
        doc.put("regex_curve", rows(List.copyOf(results.regex().values())));
        doc.put("history_curve", rows(List.copyOf(results.history().values())));
        doc.put("sessions_curve", rows(List.copyOf(results.sessions().values())));
        return doc;
    }

    static void write(Path file, Map<String, Object> document) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), document);
    }

    private static List<Map<String, Object>> rows(List<Throughput> runs) {
        return runs.stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", t.scenario());
            row.put("contender", t.contender());
            row.put("guarantee", t.guarantee().setting());
            row.put("records", t.records());
            row.put("bytes", t.bytes());
            row.put("seconds", t.seconds());
            row.put("records_per_s", t.recordsPerSecond());
            row.put("mb_per_s", t.megabytesPerSecond());
            row.put("cpu_us_per_record", t.cpuMicrosPerRecord());
            row.put("steady_records_per_s", t.steadyRecordsPerSecond());
            row.put("steady_cpu_us_per_record", t.steadyCpuMicrosPerRecord());
            if (t.storedClicks() > 0) {
                row.put("state_bytes", t.stateBytes());
                row.put("stored_clicks", t.storedClicks());
                row.put("bytes_per_stored_click", t.bytesPerStoredClick());
                row.put("ledger_bytes", t.ledgerBytes());
                row.put("bytes_per_decision", t.bytesPerDecision());
            }
            return row;
        }).toList();
    }

    /** JSON has no NaN: a figure that could not be measured is null. */
    private static Object finite(Object value) {
        return value instanceof Double d && !Double.isFinite(d) ? null : value;
    }
}
