package org.promoattribution.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.promoattribution.explain.ConversionStanding;
import org.promoattribution.explain.Explanation;
import org.promoattribution.explain.ExplanationCodec;
import org.promoattribution.explain.ReasonText;
import org.promoattribution.json.PipelineJson;
import org.promoattribution.state.SessionClicks;
import org.promoattribution.state.StoreNames;

/**
 * {@code /explain/session/{sessionId}?programId=P&limit=N&cursor=C} and
 * {@code /explain/conversion/{conversionId}} over Kafka Streams interactive queries, on whichever
 * instance is asked. A session's clicks come in pages: {@code next} in an answer is the cursor of the
 * following page, null on the last.
 * <p>
 * A session's clicks live on the partition its id hashes to, so the owner is found with
 * {@link KafkaStreams#queryMetadataForKey} and asked directly. A conversion's explanation is
 * stored where it was decided, on its session's partition, which its id does not tell: every
 * instance is asked for it and the latest decision found is returned. {@code local=true} asks
 * an instance for its own answer only (what instances send each other).
 */
final class ExplainEndpoint implements Endpoint {
    private static final String USAGE = "use /explain/session/{sessionId}[?programId=P&limit=N&cursor=C] or "
            + "/explain/conversion/{conversionId} or /explain/standing/{conversionId}?programId=P";
    /** Clicks in one answer about a session, unless asked for fewer; a page of session.max.clicks at most. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    // The producers' partitioner hashes the session id's UTF-8 bytes: so must the owner lookup.
    private static final Serializer<String> SESSION_KEY = Serdes.String().serializer();
    // The ledger's partitions are those of the decisions repartitioned by conversionId, a String key.
    private static final Serializer<String> CONVERSION_KEY = Serdes.String().serializer();
    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Instant END = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final Duration retention;
    private final Peers peers;
    private final ObjectMapper json = PipelineJson.mapper();

    ExplainEndpoint(KafkaStreams streams, HostInfo self, Duration retention, Peers peers) {
        this.streams = streams;
        this.self = self;
        this.retention = retention;
        this.peers = peers;
    }

    @Override
    public Response handle(Request request) {
        if (request.path().size() != 3) {
            throw new HttpProblem(404, USAGE);
        }
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw new HttpProblem(503, "this instance is " + state + ": its state cannot be queried");
        }
        String id = request.path().get(2);
        boolean local = "true".equals(request.param("local"));
        return switch (request.path().get(1)) {
            case "session" -> session(id, request.param("programId"), request.param("cursor"), limit(request), local);
            case "conversion" -> local ? conversionHere(id) : conversionAnywhere(id);
            case "standing" -> standing(id, request.param("programId"), local)
                    .map(body -> Response.json(200, body))
                    .orElseThrow(() -> new HttpProblem(404, "the decision ledger does not know conversion " + id
                            + " of program " + request.param("programId")));
            default -> throw new HttpProblem(404, USAGE);
        };
    }

    private static int limit(Request request) {
        String value = request.param("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpProblem(400, "limit must be an integer from 1 to " + MAX_LIMIT + ": " + value);
    }

    private Response session(String sessionId, String programId, String cursor, int limit, boolean local) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.CLICK_HISTORY, sessionId, SESSION_KEY);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new HttpProblem(503, "no instance owns session " + sessionId + " now (rebalancing?)");
        }
        if (!local && !owner.activeHost().equals(self)) {
            Peers.Answer answer = askOwner(owner, "session " + sessionId, "/explain/session/"
                    + Peers.segment(sessionId) + "?local=true&limit=" + limit
                    + (programId == null ? "" : "&programId=" + Peers.segment(programId))
                    + (cursor == null ? "" : "&cursor=" + Peers.segment(cursor)));
            return Response.json(answer.status(), answer.body());
        }
        SessionClicks.Page page;
        try {
            page = SessionClicks.page(sessionStore(StoreNames.CLICK_SESSIONS, owner.partition()),
                    sessionStore(StoreNames.CLICK_HISTORY, owner.partition()), sessionId, programId, cursor, limit);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, e.getMessage());
        }
        ObjectNode body = json.createObjectNode();
        body.put("sessionId", sessionId);
        body.put("programId", programId);
        body.put("servedBy", address(self));
        body.put("partition", owner.partition());
        body.set("clicks", json.valueToTree(page.clicks()));
        body.put("next", page.next());
        return Response.json(200, body);
    }

    private ReadOnlyKeyValueStore<Bytes, byte[]> sessionStore(String name, int partition) {
        return streams.store(StoreQueryParameters
                .fromNameAndType(name, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
                .withPartition(partition));
    }

    /** The answer of the instance that owns what is asked about, or a 503 saying why there is none. */
    private Peers.Answer askOwner(KeyQueryMetadata owner, String what, String path) {
        try {
            Peers.Answer answer = peers.get(owner.activeHost(), path).join();
            if (answer.status() == 401) {
                // The caller's credentials were fine here: the instances disagree on the token.
                throw new HttpProblem(503, what + " is owned by " + address(owner.activeHost())
                        + ", which refused this instance's access token (is the token being rotated?)");
            }
            return answer;
        } catch (CompletionException e) {
            throw new HttpProblem(503, what + " is owned by " + address(owner.activeHost())
                    + ", which did not answer: " + e.getCause().getMessage());
        }
    }

    /**
     * A conversion's current amount, whether it was reversed and its adjustments, from the decision
     * ledger on the partition of its conversionId; empty when the ledger does not know it.
     */
    private Optional<JsonNode> standing(String conversionId, String programId, boolean local) {
        if (programId == null) {
            throw new HttpProblem(400, "programId is required: use /explain/standing/{conversionId}?programId=P");
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.DECISION_LEDGER, conversionId, CONVERSION_KEY);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new HttpProblem(503, "no instance owns the ledger of conversion " + conversionId + " now (rebalancing?)");
        }
        if (!local && !owner.activeHost().equals(self)) {
            Peers.Answer answer = askOwner(owner, "the ledger of conversion " + conversionId, "/explain/standing/"
                    + Peers.segment(conversionId) + "?local=true&programId=" + Peers.segment(programId));
            if (answer.status() == 404) {
                return Optional.empty();
            }
            if (answer.status() != 200) {
                throw new HttpProblem(answer.status(), answer.body().path("error").asText());
            }
            return Optional.of(answer.body());
        }
        try {
            return ConversionStanding.find(windowStore(StoreNames.DECISION_LEDGER, owner.partition()),
                            windowStore(StoreNames.ADJUSTMENT_HISTORY, owner.partition()), programId, conversionId)
                    .map(json::valueToTree);
        } catch (InvalidStateStoreException e) { // its partition is moving or restoring
            throw new HttpProblem(503, "the ledger of conversion " + conversionId + " cannot be queried now: "
                    + e.getMessage());
        }
    }

    private ReadOnlyWindowStore<Bytes, byte[]> windowStore(String name, int partition) {
        return streams.store(StoreQueryParameters
                .fromNameAndType(name, QueryableStoreTypes.<Bytes, byte[]>windowStore()).withPartition(partition));
    }

    /**
     * The explanation with where its conversion stands now. One decided before adjustments
     * existed, or whose ledger entry is forgotten, stands as decided: its amount, no adjustments.
     * When the ledger's owner cannot answer, the explanation is still shown, saying so.
     */
    private JsonNode withStanding(JsonNode explanation) {
        ObjectNode body = explanation.deepCopy();
        String conversionId = body.get("conversionId").asText();
        try {
            Optional<JsonNode> standing = standing(conversionId, body.get("programId").asText(), false);
            if (standing.isPresent()) {
                body.setAll((ObjectNode) standing.get());
            } else {
                body.set("currentAmount", body.get("amount"));
                body.set("currentCommission", body.get("decision").get("commission"));
                body.put("reversed", false);
                body.set("adjustments", json.createArrayNode());
            }
        } catch (HttpProblem e) {
            body.put("standingUnavailable", e.getMessage());
        }
        return body;
    }

    private Response conversionHere(String conversionId) {
        return localExplanation(conversionId).map(body -> Response.json(200, body))
                .orElseThrow(() -> notFound(conversionId, "on this instance"));
    }

    private Response conversionAnywhere(String conversionId) {
        Collection<StreamsMetadata> instances = streams.streamsMetadataForStore(StoreNames.EXPLANATIONS);
        if (instances.isEmpty()) {
            throw new HttpProblem(503, "no instance hosts decisions now (starting or rebalancing?)");
        }
        List<Asked> asked = new ArrayList<>();
        for (StreamsMetadata instance : instances) {
            HostInfo host = instance.hostInfo();
            asked.add(new Asked(host, host.equals(self)
                    ? CompletableFuture.completedFuture(localExplanation(conversionId))
                    : peers.get(host, "/explain/conversion/" + Peers.segment(conversionId) + "?local=true")
                            .thenApply(answer -> found(host, answer))));
        }
        List<JsonNode> found = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Asked instance : asked) {
            try {
                instance.answer().join().ifPresent(found::add);
            } catch (CompletionException e) {
                failed.add(address(instance.host()) + " (" + e.getCause().getMessage() + ")");
            }
        }
        // The same conversionId decided under two sessions: the latest decision is the one shown.
        Optional<JsonNode> latest = found.stream()
                .max(Comparator.comparing(node -> Instant.parse(node.get("decidedAt").asText())));
        if (latest.isPresent()) {
            return Response.json(200, withStanding(latest.get()));
        }
        if (!failed.isEmpty()) {
            throw new HttpProblem(503, "conversion " + conversionId + " not found on the instances that answered; "
                    + "no answer from " + String.join(", ", failed));
        }
        throw notFound(conversionId, "on any instance");
    }

    /** An instance asked for an explanation, and its answer to come. */
    private record Asked(HostInfo host, CompletableFuture<Optional<JsonNode>> answer) {
    }

    private Optional<JsonNode> found(HostInfo peer, Peers.Answer answer) {
        if (answer.status() == 200) {
            return Optional.of(answer.body());
        }
        if (answer.status() == 404) {
            return Optional.empty();
        }
        throw new IllegalStateException("status " + answer.status() + " from " + address(peer) + ": " + answer.body());
    }

    private Optional<JsonNode> localExplanation(String conversionId) {
        ReadOnlyWindowStore<String, byte[]> store = streams.store(StoreQueryParameters
                .fromNameAndType(StoreNames.EXPLANATIONS, QueryableStoreTypes.<String, byte[]>windowStore()));
        try (WindowStoreIterator<byte[]> it = store.backwardFetch(conversionId, BEGINNING, END)) {
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Explanation explanation = ExplanationCodec.decode(it.next().value);
            ObjectNode body = json.createObjectNode();
            body.put("summary", ReasonText.of(explanation));
            body.put("servedBy", address(self));
            body.setAll((ObjectNode) json.valueToTree(explanation));
            return Optional.of(body);
        }
    }

    private HttpProblem notFound(String conversionId, String where) {
        return new HttpProblem(404, "no decision of conversion " + conversionId + " in the last " + retention
                + " (explain.retention) " + where);
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
