package org.promoattribution.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** chart.html: bar charts of the run's throughput, latency and curves, as inline SVG (no scripts, no downloads). */
final class HtmlChart {
    private static final int BAR_WIDTH = 420;
    private static final int ROW_HEIGHT = 22;
    private static final int LABEL_WIDTH = 230;

    private HtmlChart() {
    }

    private record Bar(String label, double value, String unit) {
    }

    static String render(RunContext context, BenchResults results) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>promo-attribution bench</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}h2{font-size:1.1em;margin-top:2em}"
                        + "text{font-size:12px}</style></head><body>\n")
                .append("<h1>promo-attribution bench</h1>\n<p>")
                .append(escape(String.format(Locale.ROOT, "%s run, %s, %s, %d cores, load average %.2f at start",
                        context.mode(), context.startedAt(), context.cluster(), context.cores(),
                        context.loadAverageAtStart())))
                .append("</p>\n");

        List<Bar> throughput = new ArrayList<>();
        List<Bar> p99 = new ArrayList<>();
        for (Throughput t : results.main()) {
            String name = t.contender() + " (" + t.guarantee().label() + ")";
            throughput.add(new Bar(name, t.recordsPerSecond(), "records/s"));
            results.latency(t.contender(), t.guarantee()).ifPresent(l -> p99.add(new Bar(name, l.p99(), "ms")));
        }
        section(html, "Throughput, same broker and records", throughput);
        section(html, "p99 latency at half load", p99);
        section(html, "Attribution throughput by REGEX codes per program", curve(results.regex(), "codes"));
        section(html, "Attribution throughput by clicks per session", curve(results.history(), "clicks"));
        List<Bar> perClick = new ArrayList<>();
        results.sessions().forEach((count, t) -> perClick.add(
                new Bar(String.format(Locale.ROOT, "%,d sessions", count), t.bytesPerStoredClick(), "bytes/click")));
        section(html, "RocksDB bytes per stored click", perClick);

        html.append("<h2>Targets</h2>\n<ul>\n");
        for (Target target : results.targets()) {
            html.append("<li>").append(target.passed() ? "PASS" : "MISS").append(": ")
                    .append(escape(target.description()))
                    .append(String.format(Locale.ROOT, " (measured %.2f)", target.value())).append("</li>\n");
        }
        return html.append("</ul>\n</body></html>\n").toString();
    }

    static void write(Path file, RunContext context, BenchResults results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(context, results));
    }

    private static List<Bar> curve(Map<Integer, Throughput> points, String unit) {
        List<Bar> bars = new ArrayList<>();
        points.forEach((x, t) -> bars.add(new Bar(String.format(Locale.ROOT, "%,d %s", x, unit),
                t.recordsPerSecond(), "records/s")));
        return bars;
    }

    private static void section(StringBuilder html, String title, List<Bar> bars) {
        html.append("<h2>").append(escape(title)).append("</h2>\n");
        if (bars.isEmpty()) {
            html.append("<p>not measured in this run</p>\n");
            return;
        }
        double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(1);
        int height = bars.size() * ROW_HEIGHT;
        html.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\">\n",
                LABEL_WIDTH + BAR_WIDTH + 160, height));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double width = max > 0 && Double.isFinite(bar.value()) ? bar.value() / max * BAR_WIDTH : 0;
            int y = i * ROW_HEIGHT;
            html.append(String.format(Locale.ROOT,
                    "<text x=\"0\" y=\"%d\">%s</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                            + "fill=\"#4a7fb5\"/><text x=\"%.1f\" y=\"%d\">%,.1f %s</text>\n",
                    y + 15, escape(bar.label()), LABEL_WIDTH, y + 3, width, ROW_HEIGHT - 6,
                    LABEL_WIDTH + width + 6, y + 15, bar.value(), escape(bar.unit())));
        }
        html.append("</svg>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
