package org.promoattribution.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.promoattribution.config.IsoDurations;
import org.promoattribution.run.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/** The one entry point of every command: {@code bin/promo-attribution <command>}. */
@Command(name = "promo-attribution", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Credits affiliate partners for online orders from clicks and promo codes.",
        subcommands = {EmbeddedRunCommand.class, SimulateCommand.class, ProduceCommand.class, ConsumeCommand.class,
                LoadgenCommand.class, DemoCommand.class, CodesCommand.class, TermsCommand.class, PayoutsCommand.class, BenchCommand.class})
public final class PromoAttributionCli {

    // Read by LogRouting from the parse result, on whichever command they were given.
    @Option(names = LogRouting.VERBOSE, scope = ScopeType.INHERIT,
            description = "Show Kafka client, Kafka Streams and pipeline logs on the console (stderr) instead of "
                    + "the log file. 'run' always logs to the console.")
    boolean verbose;

    @Option(names = LogRouting.LOG_FILE, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Where commands other than 'run' write their logs (default: "
                    + "<temp dir>/promo-attribution-<user>.log; its path is printed on stderr).")
    Path logFile;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        // After construction, so every subcommand gets it: picocli's own reader of Duration refuses P1W.
        return new CommandLine(new PromoAttributionCli()).setExecutionStrategy(new LogRouting())
                .registerConverter(Duration.class, PromoAttributionCli::duration);
    }

    private static Duration duration(String value) {
        try {
            return IsoDurations.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an ISO-8601 duration such as P30D, P2W or PT10M");
        }
    }
}
