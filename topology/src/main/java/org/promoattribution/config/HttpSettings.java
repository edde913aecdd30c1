package org.promoattribution.config;

/**
 * Where an instance serves its HTTP endpoints (metrics, health, explain).
 *
 * @param host           the address to listen on; 0.0.0.0 for every interface
 * @param port           the port to listen on; 0 for a free one
 * @param advertisedHost how the other instances reach this one (Kafka Streams' application.server);
 *                       null to use the listen address, or this machine's name when listening on every interface
 */
public record HttpSettings(String host, int port, String advertisedHost) {
}
