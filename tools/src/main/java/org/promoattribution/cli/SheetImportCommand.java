package org.promoattribution.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code codes import} and {@code terms import} share on the command line: the file, --dry-run
 * and the cluster to load into. Checking and loading the rows is {@link SheetImport}'s job.
 */
abstract class SheetImportCommand<T> implements Callable<Integer> {
    private final SheetImport<T> rows;

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8).")
    Path file;

    @Option(names = "--dry-run", description = "Check the rows and load nothing.")
    boolean dryRun;

    SheetImportCommand(SheetImport<T> rows) {
        this.rows = rows;
    }

    /** How this command's CSV file is read into rows (the settings of --config at hand in {@link #cluster}). */
    abstract SheetImport.Sheet<T> sheet();

    @Override
    public Integer call() {
        return rows.run(file, sheet(), dryRun, cluster, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
