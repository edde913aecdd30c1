package org.promoattribution.cli;

import org.promoattribution.admin.CommissionTermsCsv;
import org.promoattribution.schemas.CommissionTerms;
import picocli.CommandLine.Command;

/** {@code terms import FILE.csv}: checks every row, then loads all of them or none. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load commission terms from a CSV file onto the commission-terms topic, keyed by Terms ID.",
                "Columns (header row, any order, case and punctuation ignored; Terms ID and Program required): "
                        + CommissionTermsCsv.COLUMNS + ".",
                "A blank Partner makes the program's default terms. Valid from and Valid to are local date-times "
                        + "(2026-07-01 or 2026-07-01 09:00) of the row's Time zone, UTC when blank. Referral window: "
                        + "30 days, 2 weeks, 12 hours or ISO-8601 (P30D); a bare number is days. Rate %% and Flat: "
                        + "7.5, 7,5 or 7.5%%. Code rates: promoCodeId=rate%%+flat entries separated by ';' "
                        + "(pc-1=5%%+1.00; pc-2=3). Category rates: category=rate (shoes=10; bags=7.5).",
                "Every row is checked as the pipeline checks it (INVALID_TERMS and the limits). If any row fails, "
                        + "nothing is loaded and the exit status is 1; otherwise all rows are written in one "
                        + "transaction."})
final class TermsImportCommand extends SheetImportCommand<CommissionTerms> {
    TermsImportCommand() {
        super(new SheetImport<>("commission terms", CommissionTerms::getTermsId,
                config -> config.topics().commissionTerms(), serdes -> serdes.commissionTerms().serializer()));
    }

    @Override
    SheetImport.Sheet<CommissionTerms> sheet() {
        return new CommissionTermsCsv(cluster.settings().referralWindowMax())::read;
    }
}
