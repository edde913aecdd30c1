package org.promoattribution.ops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP GET as the endpoints see it: the path's segments, each percent-decoded on its own
 * (so an id may contain an encoded "/"), and the query parameters.
 */
record Request(List<String> path, Map<String, String> query) {

    /** From the path and query as received, still percent-encoded; {@code rawQuery} may be null. */
    static Request of(String rawPath, String rawQuery) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                // '+' is literal in a path; only the query encodes spaces with it.
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return new Request(List.copyOf(segments), Map.copyOf(query));
    }

    /** A query parameter, or null when absent or blank. */
    String param(String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
