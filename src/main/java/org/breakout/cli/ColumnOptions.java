package org.breakout.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * How to read the columns of a form export: the options every command that imports one shares ({@code import},
 * {@code solve --registrations}, {@code reallocate} with an export), as a mixin.
 */
public class ColumnOptions {

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

    /** Whether any column was mapped by hand (the options mean nothing without an export to read). */
    boolean given() {
        return mapping != null || !columns.isEmpty();
    }
}
