package org.promoattribution.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.promoattribution.streams.ExplanationJson;

/**
 * {@code /health/live} and {@code /health/ready}: 200 with {"status":"UP"} or 503 with
 * {"status":"DOWN"}, and the Kafka Streams state either way.
 */
final class HealthEndpoint implements Endpoint {
    private final Supplier<Health> health;

    HealthEndpoint(Supplier<Health> health) {
        this.health = health;
    }

    @Override
    public Response handle(Request request) {
        if (request.path().size() != 2) {
            throw new HttpProblem(404, "use /health/live or /health/ready");
        }
        Health now = health.get();
        boolean up = switch (request.path().get(1)) {
            case "live" -> now.live();
            case "ready" -> now.ready();
            default -> throw new HttpProblem(404, "use /health/live or /health/ready");
        };
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("state", now.state().name());
        return Response.json(up ? 200 : 503, ExplanationJson.mapper().valueToTree(body));
    }
}
