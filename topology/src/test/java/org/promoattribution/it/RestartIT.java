package org.promoattribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.testing.Fixtures.click;
import static org.promoattribution.testing.Fixtures.conversion;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Conversion;

/** A restarted instance resumes where it stopped: no decision again, no click forgotten. */
class RestartIT {
    @TempDir
    Path stateDir;

    @Test
    void restartResumesWithoutDecidingAgainAndRemembersClicks() throws Exception {
        try (LivePipeline pipeline = new LivePipeline(stateDir)) {
            pipeline.startApp();
            Conversion order = conversion("r-o1", "r-s1", "2026-06-01T10:05:00Z");
            pipeline.send(click("r-c1", "r-s1", "blog", "2026-06-01T10:00:00Z"));
            pipeline.send(order);
            assertThat(pipeline.decisionsOnceDecided("r-o1")).extracting(AttributionDecision::getConversionId).containsExactly("r-o1");

            pipeline.stopApp();
            pipeline.startApp();
            pipeline.send(order); // a producer retry after the restart
            pipeline.send(conversion("r-o2", "r-s1", "2026-06-01T10:06:00Z"));

            List<AttributionDecision> decisions = pipeline.decisionsOnceDecided("r-o1", "r-o2");
            assertThat(decisions).extracting(AttributionDecision::getConversionId).containsExactly("r-o1", "r-o2");
            assertThat(decisions.get(1).getClickId()).isEqualTo("r-c1");
        }
    }
}
