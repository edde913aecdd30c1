package org.promoattribution.local;

/** A local broker or registry could not be started, or misbehaved. */
public class LocalServiceException extends RuntimeException {

    public LocalServiceException(String message) {
        super(message);
    }

    public LocalServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
