package org.promoattribution.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A page of plain HTML and JavaScript over the JSON endpoints: {@code /}, the explain page, and
 * {@code /overview}.
 */
final class PageEndpoint implements Endpoint {
    private final List<String> path;
    private final byte[] page;

    /** @param path the page's path segments ({@code List.of()} for {@code /}); @param resource its HTML beside this class */
    PageEndpoint(List<String> path, String resource) {
        this.path = path;
        try (InputStream in = PageEndpoint.class.getResourceAsStream(resource)) {
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response handle(Request request) {
        if (!request.path().equals(path)) {
            throw new HttpProblem(404, OpsServer.NO_PAGE);
        }
        return new Response(200, "text/html; charset=utf-8", page);
    }
}
