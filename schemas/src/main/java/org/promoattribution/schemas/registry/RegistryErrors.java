package org.promoattribution.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an unsuccessful registry answer into a message and, for statuses that mean the same on
 * every endpoint (401, 403, anything unexpected), into the exception. Endpoint-specific statuses
 * (404 on an id, 409 on registration) are the client's to interpret.
 */
final class RegistryErrors {
    private static final int MAX_DETAIL = 300;

    private final ObjectMapper json;
    private final boolean credentialsSent;

    RegistryErrors(ObjectMapper json, boolean credentialsSent) {
        this.json = json;
        this.credentialsSent = credentialsSent;
    }

    /** An answer that the endpoint does not expect: an auth failure or a generic registry error. */
    SchemaRegistryException unexpected(RegistryResponse response, String doing) {
        int status = response.status();
        if (status == 401 || status == 403) {
            String hint = status == 403
                    ? "the credentials are not allowed to do this"
                    : credentialsSent ? "the credentials were rejected"
                    : "the registry wants credentials; set basic.auth.credentials.source and basic.auth.user.info";
            return new SchemaRegistryAuthException(status, "schema registry refused " + doing + ": "
                    + response.describe() + " (" + hint + ")" + detail(response));
        }
        return new SchemaRegistryException("schema registry failed " + doing + ": " + response.describe()
                + detail(response));
    }

    /**
     * The server's explanation, shortened: the {@code message} of a Confluent-style error body,
     * or the start of whatever else came back. Only the {@code message} text is trusted to exist;
     * {@code error_code} values differ between registries (Apicurio vs Confluent).
     */
    String detail(RegistryResponse response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        String text = body;
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.hasNonNull("message")) {
                text = node.get("message").asText();
            }
        } catch (Exception notJson) {
            // keep the raw text
        }
        text = text.replaceAll("\\s+", " ");
        return ": " + (text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text);
    }
}
