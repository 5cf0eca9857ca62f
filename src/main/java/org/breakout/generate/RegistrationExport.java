package org.breakout.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.breakout.domain.Round;
import org.breakout.domain.Schedule;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Registrations written as the form tools organisers use would export them, for the sample exports in
 * {@code data/} and the import tests. Each {@link Format} is one layout; the same registrants, format, number of
 * double registrations and seed give the same bytes.
 *
 * <p>Double registrations: {@code duplicates} people also registered earlier with other choices (their lists
 * reversed); the earlier row comes first, as in a real export, and the latest registration is the registrant's.
 */
public final class RegistrationExport {

    /** The layouts, each named after where such a file comes from. */
    public enum Format {
        /** Google Forms, Dutch, one column per round and choice ("… – eerste keuze"), ',' and UTF-8 with BOM. */
        COLUMNS("csv"),
        /** Google Forms ranking grid, English: "Rank the sessions of … [Title]" with "1st", "2nd" in the cells. */
        GRID("csv"),
        /** Google Forms checkbox per round (ticked, unranked), re-saved by Excel on Dutch Windows: ';', Windows-1252. */
        CHECKBOX("csv"),
        /** Microsoft Forms ranking question per round in .xlsx: the titles first to last, ';'-separated in one cell. */
        MSFORMS("xlsx"),
        /** A spreadsheet kept by hand, tab-separated, English headers, session ids, a notes column with newlines. */
        SHEET_TSV("tsv"),
        /** The same spreadsheet as .xlsx (registration time as a date cell). */
        SHEET_XLSX("xlsx");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Format of(String id) {
            for (Format format : values()) {
                if (format.id().equals(id)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown format \"" + id + "\" (known: "
                    + java.util.Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static final String[] DUTCH_ORDINALS = { "eerste", "tweede", "derde", "vierde", "vijfde", "zesde",
            "zevende", "achtste" };
    private static final String[] ENGLISH_RANKS = { "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th" };
    private static final DateTimeFormatter GOOGLE_NL = DateTimeFormatter.ofPattern("d-M-yyyy H:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter GOOGLE_US = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ISO_SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2025, 6, 1, 0, 0, 0);

    private final Schedule programme;
    private final RegistrationForm form;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, String> roundNames = new LinkedHashMap<>();

    private RegistrationExport(Schedule programme) {
        this.programme = programme;
        this.form = RegistrationForm.of(programme);
        form.items().forEach(item -> titles.put(item.id(), item.title()));
        for (Round round : programme.getRounds()) {
            roundNames.put(round.id(), round.name());
        }
    }

    /** One row of the export: a registrant, or an earlier registration of theirs. */
    private record Entry(Registrant person, String email, LocalDateTime registered, List<PreferenceModel.Choice> choices) {
    }

    /** The export file's bytes. */
    public static byte[] write(Format format, Schedule programme, List<Registrant> registrants, int duplicates, long seed) {
        RegistrationExport export = new RegistrationExport(programme);
        return export.write(format, export.entries(registrants, duplicates, seed));
    }

    private List<Entry> entries(List<Registrant> registrants, int duplicates, long seed) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> emailsUsed = new LinkedHashMap<>();
        for (Registrant person : registrants) {
            entries.add(new Entry(person, email(person, emailsUsed), person.registered(), person.preferences()));
        }
        Random rng = Streams.of(seed, "duplicates");
        List<Entry> twice = new ArrayList<>(entries.stream().filter(e -> e.registered() != null
                && !e.choices().isEmpty()).toList());
        Collections.shuffle(twice, rng);
        for (Entry entry : twice.subList(0, Math.min(duplicates, twice.size()))) {
            entries.add(new Entry(entry.person(), entry.email(), entry.registered().minusDays(2).minusMinutes(17),
                    reversedWithinSections(entry.choices())));
        }
        // Rows in time order, as a form tool lists them (stable: registrants without a time keep their order).
        entries.sort(Comparator.comparing(Entry::registered, Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries;
    }

    /** Another wish list: each section's choices in reverse order, ranks by position. */
    private List<PreferenceModel.Choice> reversedWithinSections(List<PreferenceModel.Choice> choices) {
        List<PreferenceModel.Choice> result = new ArrayList<>();
        for (RegistrationForm.Section section : form.sections()) {
            List<PreferenceModel.Choice> inSection = new ArrayList<>(choices.stream()
                    .filter(c -> section.items().stream().anyMatch(item -> item.id().equals(c.session()))).toList());
            Collections.reverse(inSection);
            for (int k = 0; k < inSection.size(); k++) {
                result.add(new PreferenceModel.Choice(inSection.get(k).session(), k + 1));
            }
        }
        return result;
    }

    /** A plausible address from the name: "J. van der Linden (Gouda)" → "j.vanderlinden@gouda.nl". */
    private static String email(Registrant person, Map<String, Integer> used) {
        String name = person.name().replaceAll("\\s*\\(.*\\)$", "");
        String[] parts = name.split("\\s+", 2);
        String local = (parts[0].replace(".", "") + "." + (parts.length > 1 ? parts[1] : ""))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        String address = local + "@" + G40Profile.slug(person.city()) + ".nl";
        int count = used.merge(address, 1, Integer::sum);
        return count == 1 ? address : local + count + "@" + G40Profile.slug(person.city()) + ".nl";
    }

    // ************************************************************************
    // The layouts
    // ************************************************************************

    private byte[] write(Format format, List<Entry> entries) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(headers(format)));
        for (Entry entry : entries) {
            rows.add(row(format, entry));
        }
        return switch (format) {
            case COLUMNS -> csv(rows, ',', StandardCharsets.UTF_8, true);
            case GRID -> csv(rows, ',', StandardCharsets.UTF_8, false);
            case CHECKBOX -> csv(rows, ';', Charset.forName("windows-1252"), false);
            case SHEET_TSV -> csv(rows, '\t', StandardCharsets.UTF_8, false);
            case MSFORMS, SHEET_XLSX -> xlsx(rows, format == Format.MSFORMS ? "Form1" : "Registrations");
        };
    }

    private List<String> headers(Format format) {
        List<String> headers = new ArrayList<>();
        boolean dutch = format == Format.COLUMNS || format == Format.CHECKBOX;
        switch (format) {
            case MSFORMS -> headers.addAll(List.of("ID", "Start time", "Completion time", "Email", "Name"));
            case SHEET_TSV, SHEET_XLSX -> headers.addAll(List.of("Registered", "E-mail", "Name"));
            default -> headers.addAll(dutch ? List.of("Tijdstempel", "E-mailadres", "Naam")
                    : List.of("Timestamp", "Email Address", "Name"));
        }
        if (dutch || format == Format.MSFORMS) {
            headers.addAll(List.of("Gemeente", "Functie", "Themagroepen", "Ik ben aanwezig bij"));
        } else {
            headers.addAll(List.of("Municipality", "Role", "Theme groups", "Attending"));
        }
        for (RegistrationForm.Section section : form.sections()) {
            String label = section.rounds().stream().map(roundNames::get).collect(Collectors.joining(" / "));
            switch (format) {
                case COLUMNS -> {
                    for (int k = 0; k < section.items().size(); k++) {
                        headers.add(label + " – " + DUTCH_ORDINALS[k] + " keuze");
                    }
                }
                case GRID -> section.items().forEach(item -> headers.add("Rank the sessions of " + label + " ["
                        + item.title() + "]"));
                case CHECKBOX -> headers.add("Welke sessies wilt u bijwonen? (" + label + ")");
                case MSFORMS -> headers.add("Rangschik de sessies: " + label);
                case SHEET_TSV, SHEET_XLSX -> {
                    for (int k = 0; k < section.items().size(); k++) {
                        headers.add(String.join("+", section.rounds()) + " choice " + (k + 1));
                    }
                }
                default -> throw new IllegalStateException(format.toString());
            }
        }
        if (format == Format.SHEET_TSV || format == Format.SHEET_XLSX) {
            headers.add("Notes");
        }
        return headers;
    }

    private List<Object> row(Format format, Entry entry) {
        Registrant person = entry.person();
        List<Object> row = new ArrayList<>();
        LocalDateTime time = entry.registered();
        switch (format) {
            case COLUMNS -> row.add(time == null ? "" : GOOGLE_NL.format(time));
            case GRID -> row.add(time == null ? "" : GOOGLE_US.format(time));
            case CHECKBOX -> row.add(time == null ? "" : ISO_SPACE.format(time));
            case MSFORMS -> {
                row.add(String.valueOf(row.size() + 1)); // replaced below by the row number
                row.add(time == null ? "" : time.minusMinutes(3));
                row.add(time == null ? "" : time);
            }
            case SHEET_TSV -> row.add(time == null ? "" : ISO_SPACE.format(time));
            case SHEET_XLSX -> row.add(time == null ? "" : time);
        }
        row.add(entry.email());
        row.add(person.name());
        row.add(person.city());
        row.add(person.role().substring(0, 1).toUpperCase(Locale.ROOT) + person.role().substring(1));
        row.add(String.join(format == Format.CHECKBOX || format == Format.COLUMNS ? ", " : "; ", person.groups()));
        row.add(person.rounds().stream().map(r -> format == Format.SHEET_TSV || format == Format.SHEET_XLSX ? r
                : roundNames.get(r)).collect(Collectors.joining(", ")));
        Set<String> wanted = new LinkedHashSet<>(person.rounds());
        for (RegistrationForm.Section section : form.sections()) {
            List<PreferenceModel.Choice> ranked = entry.choices().stream()
                    .filter(c -> section.items().stream().anyMatch(item -> item.id().equals(c.session()))).toList();
            boolean attends = section.rounds().stream().anyMatch(wanted::contains);
            switch (format) {
                case COLUMNS, SHEET_TSV, SHEET_XLSX -> {
                    boolean ids = format != Format.COLUMNS;
                    for (int k = 0; k < section.items().size(); k++) {
                        String cell = k < ranked.size() ? (ids ? ranked.get(k).session() : titles.get(ranked.get(k).session()))
                                : k == 0 && !attends && format == Format.COLUMNS ? "Geen" : "";
                        row.add(cell);
                    }
                }
                case GRID -> {
                    for (RegistrationForm.Item item : section.items()) {
                        row.add(ranked.stream().filter(c -> c.session().equals(item.id())).findFirst()
                                .map(c -> ENGLISH_RANKS[c.rank() - 1]).orElse(""));
                    }
                }
                case CHECKBOX -> row.add(ranked.stream().map(c -> titles.get(c.session())).collect(Collectors.joining(", ")));
                case MSFORMS -> row.add(ranked.stream().map(c -> titles.get(c.session()) + ";").collect(Collectors.joining()));
            }
        }
        if (format == Format.SHEET_TSV || format == Format.SHEET_XLSX) {
            // Now and then a note over several lines, as people type them into a spreadsheet cell.
            int hash = Math.abs(person.name().hashCode() % 9);
            row.add(hash == 0 ? "Komt later binnen,\nna de opening" : hash == 1 ? "Vegetarische lunch" : "");
        }
        return row;
    }

    private static byte[] csv(List<List<Object>> rows, char separator, Charset charset, boolean bom) {
        StringBuilder text = new StringBuilder();
        if (bom) {
            text.append('\uFEFF');
        }
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    text.append(separator);
                }
                String cell = String.valueOf(row.get(i));
                if (cell.indexOf(separator) >= 0 || cell.contains("\"") || cell.contains("\n")) {
                    cell = "\"" + cell.replace("\"", "\"\"") + "\"";
                }
                text.append(cell);
            }
            text.append("\r\n");
        }
        return text.toString().getBytes(charset);
    }

    private static byte[] xlsx(List<List<Object>> rows, String sheetName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "breakout", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (r > 0 && c == 0 && sheetName.equals("Form1")) {
                        sheet.value(r, c, r); // Microsoft Forms numbers the responses
                    } else if (value instanceof LocalDateTime time) {
                        sheet.value(r, c, time);
                        sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
                    } else if (!String.valueOf(value).isEmpty()) {
                        sheet.value(r, c, String.valueOf(value));
                    }
                }
            }
            workbook.finish();
            return reproducible(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workbook with a fixed creation time and fixed zip entry times, so that the same registrations give the
     * same bytes (the writer stamps the current time into both).
     */
    private static byte[] reproducible(byte[] workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The writer's zip entries carry data descriptors that java.util.zip cannot read back: read with commons-compress.
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(workbook)).get();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                byte[] content;
                try (var stream = in.getInputStream(entry)) {
                    content = stream.readAllBytes();
                }
                if (entry.getName().equals("docProps/core.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replaceAll("(<dcterms:created[^>]*>)[^<]*<", "$1" + FIXED_TIME + "Z<")
                            .getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_TIME);
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
