package org.promoattribution.ops;

/** A request that cannot be answered as asked: the status and a message for the JSON error body. */
final class HttpProblem extends RuntimeException {
    private final int status;

    HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
