package org.promoattribution.cli;

import java.util.Comparator;
import org.promoattribution.admin.CodeListing;
import org.promoattribution.schemas.PromoCode;
import org.promoattribution.validation.CodeDefinitions;
import picocli.CommandLine.Command;

/** {@code codes list}: the definitions on the promo-codes topic, as the pipeline holds them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Print the promo-code definitions on the promo-codes topic as a table: each code's latest "
                + "valid definition (deleted codes left out), with its status now (live, scheduled, expired).",
                "Codes whose latest update the pipeline rejected are named below the table."})
final class CodesListCommand extends DefinitionListCommand<PromoCode> {
    CodesListCommand() {
        super(new DefinitionList<>("promo codes", "start and end",
                "the definition before it, if any, is the one listed", config -> config.topics().promoCodes(),
                serdes -> serdes.promoCode().deserializer(),
                config -> CodeDefinitions::from,
                Comparator.comparing(PromoCode::getProgramId).thenComparing(PromoCode::getPromoCodeId),
                PromoCode::getProgramId, CodeListing::new));
    }
}
