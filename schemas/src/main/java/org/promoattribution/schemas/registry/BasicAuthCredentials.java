package org.promoattribution.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP basic credentials for the registry. {@link #toString()} masks the secret so a config
 * object can be logged; only {@link #authorizationHeader()} ever reveals it, to the registry.
 */
public record BasicAuthCredentials(String user, String secret) {

    public BasicAuthCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("basic auth user must not be empty");
        }
    }

    /** Parses Confluent's {@code basic.auth.user.info} form {@code user:secret} (the secret may contain ':'). */
    public static BasicAuthCredentials parseUserInfo(String userInfo) {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon <= 0) {
            // Never echo the value: it may be a mistyped secret.
            throw new IllegalArgumentException("basic auth user info must have the form user:secret");
        }
        return new BasicAuthCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of the {@code Authorization} header. */
    public String authorizationHeader() {
        String pair = user + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return user + ":******";
    }
}
