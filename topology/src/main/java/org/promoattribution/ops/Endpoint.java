package org.promoattribution.ops;

/** One GET endpoint of the HTTP server. */
@FunctionalInterface
interface Endpoint {
    /** Answers a request; an {@link HttpProblem} becomes its status and a JSON error body. */
    Response handle(Request request) throws Exception;
}
