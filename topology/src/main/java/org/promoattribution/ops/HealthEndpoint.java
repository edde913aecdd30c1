package org.promoattribution.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.promoattribution.json.PipelineJson;

/**
 * {@code /health/live} and {@code /health/ready}: 200 with {"status":"UP"} or 503 with
 * {"status":"DOWN"} and the reason, and the Kafka Streams state either way. Once input was lost
 * (deleted before it was read), a 200 says {"status":"DEGRADED"}, and every answer carries the
 * lost ranges in {@code lost}: an orchestrator reads only the code, and should neither restart
 * the instance nor take it out of service for records no restart brings back; a person or script
 * reading the body must not see UP. So with a code table over its memory budget
 * ({@code codeTable}): every code is still matched as SPEC says, more slowly; and with commission
 * terms over theirs ({@code commissionTerms}): every terms still applies, but the heap may run out.
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
        String down = switch (request.path().get(1)) {
            case "live" -> now.notLive();
            case "ready" -> now.notReady();
            default -> throw new HttpProblem(404, "use /health/live or /health/ready");
        };
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", down != null ? "DOWN" : now.degraded() ? "DEGRADED" : "UP");
        body.put("state", now.state().name());
        if (down != null) {
            body.put("reason", down);
        }
        if (now.lost() != null) {
            body.put("lost", now.lost());
        }
        if (now.codeTable() != null) {
            body.put("codeTable", now.codeTable());
        }
        if (now.commissionTerms() != null) {
            body.put("commissionTerms", now.commissionTerms());
        }
        return Response.json(down == null ? 200 : 503, PipelineJson.mapper().valueToTree(body));
    }
}
