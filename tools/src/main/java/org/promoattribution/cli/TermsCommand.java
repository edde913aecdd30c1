package org.promoattribution.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code terms}: the commission terms on the commission-terms topic (SPEC "Commission"). */
@Command(name = "terms", mixinStandardHelpOptions = true,
        description = "Load commission terms (partners' contracts) from CSV, or list those on the commission-terms topic.",
        subcommands = {TermsImportCommand.class, TermsListCommand.class})
final class TermsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: terms import FILE.csv, or terms list");
    }
}
