package org.breakout.io.registrations;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How answers and headers are compared: insensitive to case, spacing, punctuation and accents. */
final class Text {

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NUMBERED_RANK = Pattern.compile("(?<![\\p{L}\\p{N}])(\\d{1,2}) ?(e|ste|de|st|nd|rd|th)?(?![\\p{L}\\p{N}])");
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("eerste", 1), Map.entry("tweede", 2), Map.entry("derde", 3), Map.entry("vierde", 4),
            Map.entry("vijfde", 5), Map.entry("zesde", 6), Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6));

    private Text() {
    }

    /** Lower case, accents and punctuation gone, words separated by one space: "Één-sessie!" → "een sessie". */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String plain = ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** A tag value: "'s-Hertogenbosch" → "s-hertogenbosch", "Zorg & Jeugd" → "zorg-jeugd". */
    static String slug(String text) {
        return normalize(text.replace("'", "").replace("’", "")).replace(' ', '-');
    }

    /** Whether the normalized text contains the normalized phrase as whole words. */
    static boolean hasWords(String normalized, String phrase) {
        return (" " + normalized + " ").contains(" " + phrase + " ");
    }

    /** A rank written as a number or an ordinal ("2", "2nd", "2e keuze", "tweede keuze", "second choice"), or null. */
    static Integer rank(String normalized) {
        Matcher numbered = NUMBERED_RANK.matcher(normalized);
        if (numbered.find()) {
            int rank = Integer.parseInt(numbered.group(1));
            return rank >= 1 ? rank : null;
        }
        for (String word : normalized.split(" ")) {
            Integer rank = ORDINALS.get(word);
            if (rank != null) {
                return rank;
            }
        }
        return null;
    }

    /** Edit distance (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The spreadsheet name of a column: 0 → A, 25 → Z, 26 → AA. */
    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
