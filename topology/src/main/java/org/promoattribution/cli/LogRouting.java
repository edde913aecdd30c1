package org.promoattribution.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

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
        CommandLine command = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
        if (interactive(command) && !helpAsked(parsed) && !matched(parsed, VERBOSE)) {
            Path file = logFile(parsed);
            if (LogFile.replaceConsole(file)) {
                command.getErr().println("logs: " + file.toAbsolutePath());
            } else {
                command.getErr().println("cannot write logs to " + file.toAbsolutePath() + ": they stay on the console");
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static boolean interactive(CommandLine command) {
        return command.getParent() != null && !(command.getCommand() instanceof RunCommand);
    }

    private static boolean helpAsked(ParseResult parsed) {
        return parsed.asCommandLineList().stream()
                .anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
    }

    /** An inherited option is matched on the (sub)command it follows. */
    private static boolean matched(ParseResult parsed, String option) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    private static Path logFile(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(LOG_FILE)) {
                return level.matchedOptionValue(LOG_FILE, (Path) null);
            }
        }
        return defaultLogFile();
    }

    /** In the temp dir, one per user: the logs of one session at the terminal, not kept forever. */
    static Path defaultLogFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "promo-attribution-" + System.getProperty("user.name")
                + ".log");
    }
}
