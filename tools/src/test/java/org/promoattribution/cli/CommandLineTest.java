package org.promoattribution.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What the command tests share: the command line as a user runs it, keeping what it prints on each
 * stream for the test to read, and a temporary directory for the files it is given.
 */
abstract class CommandLineTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** @return the exit status */
    int run(String... args) {
        CommandLine cli = PromoAttributionCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** @return the path of file {@code name} in {@link #dir}, written with {@code content} */
    String file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }
}
