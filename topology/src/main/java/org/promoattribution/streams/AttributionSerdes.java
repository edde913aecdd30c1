package org.promoattribution.streams;

import org.apache.kafka.common.serialization.Serde;
import org.promoattribution.schemas.AdjustmentDecision;
import org.promoattribution.schemas.AttributionDecision;
import org.promoattribution.schemas.Click;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.schemas.Conversion;
import org.promoattribution.schemas.ConversionAdjustment;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.schemas.registry.SchemaRegistryClient;
import org.promoattribution.schemas.serde.AvroSerdes;
import org.promoattribution.schemas.serde.SerdeOptions;
import org.promoattribution.state.UsageContributionSerde;
import org.promoattribution.usage.UsageContribution;

/** Every value serde of the pipeline, built in one place over one registry client. */
public record AttributionSerdes(
        Serde<Click> click,
        Serde<Conversion> conversion,
        Serde<PromoCode> promoCode,
        Serde<CommissionTerms> commissionTerms,
        Serde<AttributionDecision> decision,
        Serde<ConversionAdjustment> adjustment,
        Serde<AdjustmentDecision> adjustmentDecision,
        Serde<PromoCodeUsage> usage,
        Serde<UsageContribution> usageContribution) {

    public static AttributionSerdes over(SchemaRegistryClient registry, SerdeOptions options) {
        return new AttributionSerdes(
                AvroSerdes.serde(Click.class, registry, options, false),
                AvroSerdes.serde(Conversion.class, registry, options, false),
                AvroSerdes.serde(PromoCode.class, registry, options, false),
                AvroSerdes.serde(CommissionTerms.class, registry, options, false),
                AvroSerdes.serde(AttributionDecision.class, registry, options, false),
                AvroSerdes.serde(ConversionAdjustment.class, registry, options, false),
                AvroSerdes.serde(AdjustmentDecision.class, registry, options, false),
                AvroSerdes.serde(PromoCodeUsage.class, registry, options, false),
                UsageContributionSerde.serde());
    }
}
