package org.promoattribution.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.promoattribution.admin.PromoCodeCsv;
import org.promoattribution.schemas.PromoCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codes import FILE.csv}: checks every row, then loads all of them or none. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load promo-code definitions from a CSV file onto the promo-codes topic.",
                "Columns (header row, any order, case and punctuation ignored): " + PromoCodeCsv.COLUMNS + ".",
                "Start and end date-times are local to the row's time zone (e.g. 2026-06-01 09:00, Europe/Paris).",
                "Every row is checked as the pipeline checks it. If any row fails, nothing is loaded and the exit "
                        + "status is 1; otherwise all rows are written in one transaction."})
final class CodesImportCommand implements Callable<Integer> {
    private static final SheetImport<PromoCode> IMPORT = new SheetImport<>("promo codes", PromoCode::getPromoCodeId,
            config -> config.topics().promoCodes(), serdes -> serdes.promoCode().serializer());

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8).")
    Path file;

    @Option(names = "--dry-run", description = "Check the rows and load nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        return IMPORT.run(file, PromoCodeCsv::read, dryRun, cluster, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
