package org.promoattribution.cli;

import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code codes list} and {@code terms list} share on the command line: the cluster to read,
 * --program and --time-zone. Reading and printing the definitions is {@link DefinitionList}'s job.
 */
abstract class DefinitionListCommand<T extends SpecificRecord> implements Callable<Integer> {
    private final DefinitionList<T> list;

    @Option(names = "--program", paramLabel = "PROGRAM", description = "Only the ${PARENT-COMMAND-NAME} of this program.")
    String program;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Show the table's date-times in this time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    DefinitionListCommand(DefinitionList<T> list) {
        this.list = list;
    }

    /** Whether this command's options beyond --program select {@code definition}: all of them unless overridden. */
    boolean selected(T definition) {
        return true;
    }

    /** Those options in words, after " of program acme": none unless overridden. */
    String selection() {
        return "";
    }

    @Override
    public Integer call() {
        return list.run(cluster, d -> (program == null || list.programId().apply(d).equals(program)) && selected(d),
                (program == null ? "" : " of program " + program) + selection(), zone, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
