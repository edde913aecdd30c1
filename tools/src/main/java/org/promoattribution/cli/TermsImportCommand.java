package org.promoattribution.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.promoattribution.admin.CommissionTermsCsv;
import org.promoattribution.schemas.CommissionTerms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terms import FILE.csv}: checks every row, then loads all of them or none. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load commission terms from a CSV file onto the commission-terms topic, keyed by Terms ID.",
                "Columns (header row, any order, case and punctuation ignored; Terms ID and Program required): "
                        + CommissionTermsCsv.COLUMNS + ".",
                "A blank Partner makes the program's default terms. Valid from and Valid to are local date-times "
                        + "(2026-07-01 or 2026-07-01 09:00) of the row's Time zone, UTC when blank. Referral window: "
                        + "30 days, 2 weeks, 12 hours or ISO-8601 (P30D); a bare number is days. Rate % and Flat: "
                        + "7.5, 7,5 or 7.5%. Code rates: promoCodeId=rate%+flat entries separated by ';' "
                        + "(pc-1=5%+1.00; pc-2=3). Category rates: category=rate (shoes=10; bags=7.5).",
                "Every row is checked as the pipeline checks it (INVALID_TERMS and the limits). If any row fails, "
                        + "nothing is loaded and the exit status is 1; otherwise all rows are written in one "
                        + "transaction."})
final class TermsImportCommand implements Callable<Integer> {
    private static final SheetImport<CommissionTerms> IMPORT = new SheetImport<>("commission terms",
            CommissionTerms::getTermsId, config -> config.topics().commissionTerms(),
            serdes -> serdes.commissionTerms().serializer());

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
        CommissionTermsCsv sheet = new CommissionTermsCsv(cluster.settings().referralWindowMax());
        return IMPORT.run(file, sheet::read, dryRun, cluster, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
