package org.promoattribution.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a TCP port that is free on 127.0.0.1 right now. */
final class FreePort {

    private FreePort() {}

    /**
     * Asks the kernel for an ephemeral port and releases it at once. Another process could take it
     * before the child binds it; on a developer machine or CI that race is rare, and the child then
     * fails fast with "Address already in use" in its log.
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
