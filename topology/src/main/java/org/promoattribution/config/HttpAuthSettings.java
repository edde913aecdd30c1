package org.promoattribution.config;

import java.nio.file.Path;

/**
 * The credentials of the explain API and page (and of /metrics when asked): one bearer token shared by
 * the instances of the application, given inline or, better, as a file (a mounted secret). Without
 * either, only a server listening on loopback may serve decision data (ops/AccessToken).
 *
 * @param token     the token itself, or null
 * @param tokenFile a file holding the token (surrounding white space ignored), or null
 * @param metrics   whether /metrics needs the token too
 */
public record HttpAuthSettings(String token, Path tokenFile, boolean metrics) {

    /** Never the token: settings are printed in errors and logs. */
    @Override
    public String toString() {
        return "HttpAuthSettings[token=" + (token == null ? "none" : "(hidden)") + ", tokenFile=" + tokenFile
                + ", metrics=" + metrics + "]";
    }
}
