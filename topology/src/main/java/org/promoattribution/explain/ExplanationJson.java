package org.promoattribution.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.promoattribution.json.PipelineJson;

/** Explanations as the {@link org.promoattribution.state.StoreNames#EXPLANATIONS} store keeps them. */
public final class ExplanationJson {
    private ExplanationJson() {
    }

    public static byte[] encode(Explanation explanation) {
        try {
            return PipelineJson.mapper().writeValueAsBytes(explanation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Explanation decode(byte[] json) {
        try {
            return PipelineJson.mapper().readValue(json, Explanation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
