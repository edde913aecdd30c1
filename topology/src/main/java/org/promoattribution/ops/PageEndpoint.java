package org.promoattribution.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /}: the explain page, plain HTML and JavaScript over the explain endpoints. */
final class PageEndpoint implements Endpoint {
    private final byte[] page;

    PageEndpoint() {
        try (InputStream in = PageEndpoint.class.getResourceAsStream("index.html")) {
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response handle(Request request) {
        if (!request.path().isEmpty()) {
            throw new HttpProblem(404, "no page here; try /, /metrics, /health/ready or /explain/...");
        }
        return new Response(200, "text/html; charset=utf-8", page);
    }
}
