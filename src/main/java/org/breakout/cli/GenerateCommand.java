package org.breakout.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code breakout generate …}: makes synthetic data; one subcommand per kind. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate synthetic data for an event (reproducible: the same seed gives the same file).",
        subcommands = { GenerateRegistrationsCommand.class, GenerateExportCommand.class, GenerateEventCommand.class,
                GenerateChangesCommand.class,
                GenerateBenchmarkSetCommand.class, CommandLine.HelpCommand.class })
public class GenerateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand given: a usage error, which picocli reports with the list of subcommands.
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand (registrations, export, event, changes or benchmark-set)");
    }
}
