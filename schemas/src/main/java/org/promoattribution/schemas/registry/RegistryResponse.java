package org.promoattribution.schemas.registry;

import java.net.URI;

/**
 * A final answer from one registry URL (not a connection failure, not a retryable status).
 *
 * @param uri the full request URI, which never holds credentials
 */
record RegistryResponse(int status, String body, URI uri, String method) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** "GET http://host:8081/schemas/ids/7 answered 404", for messages. */
    String describe() {
        return method + " " + uri + " answered " + status;
    }
}
