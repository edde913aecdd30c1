package org.promoattribution.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.promoattribution.run.RunCommand;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Where log lines go, decided once for every command before it runs. Interactive commands print
 * only their own output: Kafka client, Kafka Streams and pipeline logs go to a file whose path
 * is printed once on stderr, unless {@code --verbose}. {@code run} is a service whose operators
 * read its logs where it runs, so it keeps them on the console (stderr), as logback.xml says.
 */
final class LogRouting implements IExecutionStrategy {
    static final String VERBOSE = "--verbose";
    static final String LOG_FILE = "--log-file";

    @Override
    public int execute(ParseResult parsed) {
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine command = chain.get(chain.size() - 1);
        boolean helpAsked = chain.stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
        if (interactive(command) && !helpAsked && matched(parsed, VERBOSE).isEmpty()) {
            Path file = matched(parsed, LOG_FILE).map(level -> level.matchedOptionValue(LOG_FILE, (Path) null))
                    .orElseGet(LogRouting::defaultLogFile);
            command.getErr().println(LogFile.replaceConsole(file)
                    ? "logs: " + file.toAbsolutePath()
                    : "cannot write logs to " + file.toAbsolutePath() + ": they stay on the console");
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static boolean interactive(CommandLine command) {
        return command.getParent() != null && !(command.getCommand() instanceof RunCommand);
    }

    /** The (sub)command an inherited option was given on, if it was. */
    private static Optional<ParseResult> matched(ParseResult parsed, String option) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(option)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** In the temp dir, one per user: the logs of a session at the terminal, not kept forever. */
    private static Path defaultLogFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "promo-attribution-" + System.getProperty("user.name")
                + ".log");
    }
}
