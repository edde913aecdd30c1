package org.promoattribution.cli;

import java.util.Comparator;
import org.promoattribution.admin.TermsListing;
import org.promoattribution.schemas.CommissionTerms;
import org.promoattribution.validation.TermsDefinitions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code terms list}: the terms on the commission-terms topic, as the pipeline holds them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Print the commission terms on the commission-terms topic as a table in the import's columns: "
                + "each Terms ID's latest valid terms (deleted ones left out), with its status now (live, "
                + "scheduled, expired). A program's default terms show (default) as partner.",
                "Terms whose latest update the pipeline rejected are named below the table."})
final class TermsListCommand extends DefinitionListCommand<CommissionTerms> {
    @Option(names = "--partner", paramLabel = "PARTNER", description = "Only this partner's own terms.")
    String partner;

    TermsListCommand() {
        super(new DefinitionList<>("commission terms", "valid from and to",
                "the terms before it, if any, are the ones listed", config -> config.topics().commissionTerms(),
                serdes -> serdes.commissionTerms().deserializer(),
                config -> terms -> TermsDefinitions.from(terms, config.referralWindowMax()),
                Comparator.comparing(CommissionTerms::getProgramId).thenComparing(CommissionTerms::getTermsId),
                CommissionTerms::getProgramId, TermsListing::new));
    }

    @Override
    boolean selected(CommissionTerms terms) {
        return partner == null || partner.equals(terms.getPartnerId());
    }

    @Override
    String selection() {
        return partner == null ? "" : " of partner " + partner;
    }
}
