package org.breakout.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The column mapping and report options that {@code import} and {@code solve --registrations} share (a mixin). */
public class ImportOptions extends ColumnOptions {

    @Option(names = "--report", paramLabel = "REPORT.json",
            description = "Also write the import report as JSON (rows, merges, every answer not used, with row and column).")
    Path report;
}
