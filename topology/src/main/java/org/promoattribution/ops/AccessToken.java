package org.promoattribution.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.promoattribution.config.HttpAuthSettings;
import org.promoattribution.config.HttpSettings;

/**
 * The bearer token that unlocks decision data (session ids, amounts, partners, click ids). A request
 * presents it as {@code Authorization: Bearer <token>} (tools, Prometheus, the other instances) or as the
 * password of HTTP Basic, whatever the user name (browsers: their own login dialog). Only the token's
 * SHA-256 is compared, in constant time, so neither its content nor its length shows in response times.
 */
final class AccessToken {
    private final byte[] digest;
    private final String authorization;

    private AccessToken(String token) {
        this.digest = sha256(token);
        this.authorization = "Bearer " + token;
    }

    /**
     * The token the server requires: the configured one, or none on a server reachable from this machine
     * only. A server reachable from elsewhere without a token would hand decision data to anyone on the
     * network, so it is refused.
     */
    static Optional<AccessToken> of(HttpSettings http) throws IOException {
        HttpAuthSettings auth = http.auth();
        if (auth.token() != null && auth.tokenFile() != null) {
            throw new IllegalArgumentException("set one of " + HttpSettings.AUTH_TOKEN + " and "
                    + HttpSettings.AUTH_TOKEN_FILE + ", not both");
        }
        String token = auth.tokenFile() == null ? auth.token() : read(auth);
        if (token != null) {
            return Optional.of(new AccessToken(token));
        }
        if (!InetAddress.getByName(http.host()).isLoopbackAddress()) {
            throw new IllegalArgumentException(HttpSettings.HOST + "=" + http.host() + " serves decision data beyond "
                    + "this machine: set " + HttpSettings.AUTH_TOKEN_FILE + " (a file holding the token) or "
                    + HttpSettings.AUTH_TOKEN + ", or listen on loopback only (" + HttpSettings.HOST + "=127.0.0.1)");
        }
        return Optional.empty();
    }


    private static String read(HttpAuthSettings auth) throws IOException {
        String token;
        try {
            token = Files.readString(auth.tokenFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // The exception's message names the file, never its content.
            throw new IOException(HttpSettings.AUTH_TOKEN_FILE + ": cannot read " + auth.tokenFile() + ": " + e, e);
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException(HttpSettings.AUTH_TOKEN_FILE + ": " + auth.tokenFile() + " is empty");
        }
        return token;
    }

    /** Whether an {@code Authorization} header value (null when absent) presents this token. */
    boolean admits(String header) {
        String presented = presented(header);
        // Hashing both sides first makes the comparison as long whatever was presented.
        return presented != null && MessageDigest.isEqual(sha256(presented), digest);
    }

    /** The header value that presents this token to another instance. */
    String authorization() {
        return authorization;
    }

    private static String presented(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = header.substring(space + 1).strip();
        if (scheme.equals("bearer")) {
            return credentials;
        }
        if (scheme.equals("basic")) {
            try {
                String userAndPassword = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon < 0 ? null : userAndPassword.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "AccessToken(hidden)";
    }
}
