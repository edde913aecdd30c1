package org.promoattribution.cli;

import org.promoattribution.admin.PromoCodeCsv;
import org.promoattribution.schemas.PromoCode;
import picocli.CommandLine.Command;

/** {@code codes import FILE.csv}: checks every row, then loads all of them or none. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load promo-code definitions from a CSV file onto the promo-codes topic.",
                "Columns (header row, any order, case and punctuation ignored): " + PromoCodeCsv.COLUMNS + ".",
                "Start and end date-times are local to the row's time zone (e.g. 2026-06-01 09:00, Europe/Paris).",
                "Every row is checked as the pipeline checks it. If any row fails, nothing is loaded and the exit "
                        + "status is 1; otherwise all rows are written in one transaction."})
final class CodesImportCommand extends SheetImportCommand<PromoCode> {
    CodesImportCommand() {
        super(new SheetImport<>("promo codes", PromoCode::getPromoCodeId, config -> config.topics().promoCodes(),
                serdes -> serdes.promoCode().serializer()));
    }

    @Override
    SheetImport.Sheet<PromoCode> sheet() {
        return PromoCodeCsv::read;
    }
}
