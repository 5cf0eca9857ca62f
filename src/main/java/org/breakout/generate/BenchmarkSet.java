package org.breakout.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.breakout.io.Json;

/**
 * The standard benchmark set, as listed in {@code benchmarks/datasets.json}: committed events referenced by path,
 * and synthetic events defined by generator settings and a seed (generated on demand, never committed). The
 * format is described in benchmarks/README.md.
 */
public final class BenchmarkSet {

    /** Where the list is, from the repository root. */
    public static final Path DEFAULT_LIST = Path.of("benchmarks", "datasets.json");
    /** Where generated datasets go by default (git-ignored). */
    public static final Path DEFAULT_DIR = Path.of("benchmarks", "data");

    private static final Set<String> TOP_FIELDS = Set.of("description", "datasets");
    private static final Set<String> DATASET_FIELDS = Set.of("name", "description", "file", "sameAs", "generate");

    /**
     * One dataset.
     *
     * @param file the event file, relative to the repository root (for a generated dataset: where it goes by
     *        default; another directory keeps the file name)
     * @param sameAs the name of the dataset this one is another name for, or null
     * @param preset generator preset (generated datasets), or null
     * @param seed generator seed (generated datasets), or null
     * @param settings generator settings overriding the preset, by {@link EventShape} key
     */
    public record Dataset(String name, String description, Path file, String sameAs, String preset, Long seed,
            Map<String, String> settings) {

        /** Whether the dataset is made by the generator (else it is committed, or another name). */
        public boolean generated() {
            return seed != null;
        }

        /** The shape of a generated dataset. */
        public EventShape shape() {
            return EventShape.of(preset, settings);
        }
    }

    private BenchmarkSet() {
    }

    /**
     * Reads and checks the list: known fields, unique names, {@code sameAs} naming another dataset, generator
     * settings that make a valid shape.
     *
     * @throws IllegalArgumentException with every problem, each with its JSON path
     */
    public static List<Dataset> read(Path list) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(list));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(list + ": file not found");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(list + ": not valid JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        List<Dataset> datasets = new ArrayList<>();
        if (root == null || !root.isObject() || !root.path("datasets").isArray()) {
            throw new IllegalArgumentException(list + ": must be an object with a \"datasets\" array");
        }
        unknownFields(root, "", TOP_FIELDS, problems);
        Set<String> names = new LinkedHashSet<>();
        JsonNode nodes = root.get("datasets");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String path = "datasets[" + i + "]";
            if (!node.isObject()) {
                problems.add(path + ": must be an object");
                continue;
            }
            unknownFields(node, path, DATASET_FIELDS, problems);
            String name = node.path("name").asText("");
            if (name.isBlank()) {
                problems.add(path + ".name: missing");
            } else if (!names.add(name)) {
                problems.add(path + ".name: duplicate dataset name \"" + name + "\"");
            }
            String description = node.path("description").asText(null);
            String sameAs = node.path("sameAs").asText(null);
            Path file = node.hasNonNull("file") ? Path.of(node.get("file").asText()) : null;
            String preset = null;
            Long seed = null;
            Map<String, String> settings = new LinkedHashMap<>();
            JsonNode generate = node.get("generate");
            if (generate != null) {
                if (!generate.isObject()) {
                    problems.add(path + ".generate: must be an object of generator settings");
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = generate.fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> entry = it.next();
                        switch (entry.getKey()) {
                            case "preset" -> preset = entry.getValue().asText();
                            case "seed" -> {
                                if (entry.getValue().canConvertToLong() && entry.getValue().isIntegralNumber()) {
                                    seed = entry.getValue().asLong();
                                } else {
                                    problems.add(path + ".generate.seed: must be a whole number");
                                }
                            }
                            default -> settings.put(entry.getKey(), entry.getValue().asText());
                        }
                    }
                    if (seed == null && !problems.stream().anyMatch(p -> p.startsWith(path + ".generate.seed"))) {
                        problems.add(path + ".generate.seed: missing (a generated dataset is defined by its seed)");
                    }
                    try {
                        EventShape.of(preset, settings);
                    } catch (IllegalArgumentException e) {
                        problems.add(path + ".generate: " + e.getMessage());
                    }
                }
            }
            if (sameAs == null && file == null) {
                problems.add(path + ": needs a \"file\" (committed or generated) or \"sameAs\"");
            }
            if (sameAs != null && (generate != null || file != null)) {
                problems.add(path + ": \"sameAs\" is another name for a dataset: give no file or generate");
            }
            datasets.add(new Dataset(name, description, file, sameAs, preset, seed, Collections.unmodifiableMap(settings)));
        }
        for (int i = 0; i < datasets.size(); i++) {
            Dataset dataset = datasets.get(i);
            if (dataset.sameAs() != null && (!names.contains(dataset.sameAs()) || dataset.sameAs().equals(dataset.name())
                    || datasets.stream().anyMatch(d -> d.name().equals(dataset.sameAs()) && d.sameAs() != null))) {
                problems.add("datasets[" + i + "].sameAs: \"" + dataset.sameAs() + "\" is not another dataset with a file");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(list + ": " + problems.size() + " problem(s)\n  "
                    + String.join("\n  ", problems));
        }
        return List.copyOf(datasets);
    }

    /** Where a generated dataset goes when written to {@code dir}: its file name in that directory. */
    public static Path target(Dataset dataset, Path dir) {
        return dir.resolve(dataset.file().getFileName());
    }

    private static void unknownFields(JsonNode node, String path, Set<String> known, List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!known.contains(field)) {
                problems.add((path.isEmpty() ? "" : path + ".") + field + ": unknown field (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
