package org.promoattribution.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promoattribution.hostile.HostilePipeline.SCHEMA_IDS;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promoattribution.schemas.Conversion;

/**
 * Each boundary value and strange key on its own, every one checked (a failure lists all the
 * records that broke their rule, not just the first), and the re-deliveries of a buggy order system.
 */
class HostileExamplesTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final HostileRecords hostile = new HostileRecords(new WireRecords(SCHEMA_IDS), NOW, Duration.ZERO);
    private HostilePipeline pipeline = new HostilePipeline(NOW);

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void everyBoundaryValueMeetsItsRule() {
        assertThat(brokenRules(hostile.boundaryValues())).isEmpty();
    }

    @Test
    void everyValidRecordUnderAStrangeKeyIsTakenAndEveryDefinitionWithoutKeyRefused() {
        assertThat(brokenRules(hostile.strangeKeys())).isEmpty();
    }

    /** SPEC rule 7: one order is paid once, "whatever its sessionId". */
    @Test
    void anOrderSentAgainUnderAnotherSessionIsNotDecidedAgain() {
        Conversion order = hostile.conversion();
        Conversion again = Conversion.newBuilder(order).setSessionId("another-" + order.getSessionId()).build();

        assertThat(pipeline.pipe(conversion(order))).isEqualTo(HostilePipeline.Fate.DECIDED);
        assertThat(pipeline.pipe(conversion(again))).isEqualTo(HostilePipeline.Fate.DUPLICATE_CONVERSION);
    }

    /** SPEC rule 7: a re-delivery is the same programId and conversionId; another program's order is another order. */
    @Test
    void theSameOrderIdInAnotherProgramIsAnotherOrder() {
        Conversion order = hostile.conversion();
        Conversion other = Conversion.newBuilder(order).setProgramId(order.getProgramId() + "-other").build();

        assertThat(pipeline.pipe(conversion(order))).isEqualTo(HostilePipeline.Fate.DECIDED);
        assertThat(pipeline.pipe(conversion(other))).isEqualTo(HostilePipeline.Fate.DECIDED);
    }

    private InputRecord conversion(Conversion conversion) {
        return new InputRecord("order " + conversion.getConversionId() + " of " + conversion.getProgramId()
                + " in session " + conversion.getSessionId(), Input.CONVERSIONS,
                InputRecord.utf8(conversion.getSessionId()), hostile.wire().encode(conversion), Expected.accepted());
    }

    /** Pipes every record, each checked; a pipeline that threw is replaced so the rest are still tried. */
    private List<String> brokenRules(List<InputRecord> records) {
        List<String> broken = new ArrayList<>();
        for (InputRecord record : records) {
            try {
                pipeline.pipe(record);
            } catch (AssertionError e) {
                broken.add(e.getMessage().strip().replaceAll("\\s+", " "));
            } catch (RuntimeException e) {
                broken.add(record + " -> the driver threw " + e + (e.getCause() == null ? "" : ", " + e.getCause()));
                pipeline.close();
                pipeline = new HostilePipeline(NOW);
            }
        }
        return broken;
    }
}
