package org.breakout.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** The column mapping and report options that {@code import} and {@code solve --registrations} share (a mixin). */
public class ImportOptions {

    @Option(names = "--column", paramLabel = "HEADER=USE", mapFallbackValue = "",
            description = "What a column of the export means, when the guess is wrong: e.g. --column \"Functie=tag\" "
                    + "--column \"Uw keuze=choice:r1:1\" --column \"Opmerkingen=ignore\" (HEADER may be a column "
                    + "letter; uses: email, name, timestamp, rounds, ignore, tag[:PREFIX], tags[:PREFIX], "
                    + "choice[:ROUND][:RANK], grid:SESSION[:ROUND], checkbox[:ROUND], ranking[:ROUND]). Repeatable; "
                    + "wins over --mapping.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--mapping", paramLabel = "MAPPING.yaml",
            description = "A mapping file (JSON or YAML): {\"columns\": {\"HEADER\": \"USE\", …}}; see docs/import.md.")
    Path mapping;

    @Option(names = "--report", paramLabel = "REPORT.json",
            description = "Also write the import report as JSON (rows, merges, every answer not used, with row and column).")
    Path report;
}
