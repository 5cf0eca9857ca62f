package org.breakout.io.registrations;

import java.util.Locale;

/**
 * What one column of an export means, written as in a mapping file or {@code --column HEADER=USE}:
 * {@code email}, {@code name}, {@code timestamp}, {@code rounds}, {@code ignore}, {@code tag[:PREFIX]},
 * {@code tags[:PREFIX]} (several values in a cell), {@code choice[:ROUND][:RANK]}, {@code grid:SESSION[:ROUND]}
 * (the cell is the rank of that session), {@code checkbox[:ROUND]} (ticked sessions, unranked),
 * {@code ranking[:ROUND]} (sessions first to last in one cell).
 *
 * @param round the round id the column is about, or null (told by the sessions answered)
 * @param rank the rank of a choice column (1 = first choice)
 * @param session the session id of a grid column
 * @param tagPrefix the prefix of the tags a tag column makes ("gemeente" → "gemeente:zwolle"); empty: the value itself
 */
public record ColumnUse(Kind kind, String round, int rank, String session, String tagPrefix) {

    public enum Kind {
        EMAIL, NAME, TIMESTAMP, ROUNDS, IGNORE, TAG, TAGS, CHOICE, GRID, CHECKBOX, RANKING;

        boolean isChoice() {
            return this == CHOICE || this == GRID || this == CHECKBOX || this == RANKING;
        }
    }

    static ColumnUse of(Kind kind) {
        return new ColumnUse(kind, null, 0, null, null);
    }

    static ColumnUse tag(Kind kind, String prefix) {
        return new ColumnUse(kind, null, 0, null, prefix);
    }

    ColumnUse inRound(String roundId) {
        return new ColumnUse(kind, roundId, rank, session, tagPrefix);
    }

    /**
     * Parses a use as written in a mapping; round and session references are checked by the caller.
     *
     * @throws IllegalArgumentException with a message saying what is allowed
     */
    static ColumnUse parse(String text) {
        String[] parts = text.strip().split(":", -1);
        String head = parts[0].strip().toLowerCase(Locale.ROOT);
        switch (head) {
            case "email", "e-mail", "name", "timestamp", "rounds", "ignore" -> {
                if (parts.length > 1) {
                    throw new IllegalArgumentException("\"" + head + "\" takes no \":…\" part");
                }
                return of(switch (head) {
                    case "email", "e-mail" -> Kind.EMAIL;
                    case "name" -> Kind.NAME;
                    case "timestamp" -> Kind.TIMESTAMP;
                    case "rounds" -> Kind.ROUNDS;
                    default -> Kind.IGNORE;
                });
            }
            case "tag", "tags" -> {
                if (parts.length > 2) {
                    throw new IllegalArgumentException("write " + head + " or " + head + ":PREFIX");
                }
                return tag(head.equals("tag") ? Kind.TAG : Kind.TAGS, parts.length == 2 ? parts[1].strip() : "");
            }
            case "choice" -> {
                String round = null;
                int rank = 1;
                for (int i = 1; i < parts.length; i++) {
                    String part = parts[i].strip();
                    if (part.matches("\\d+") && Integer.parseInt(part) >= 1) {
                        rank = Integer.parseInt(part);
                    } else if (!part.isEmpty() && round == null && i == 1) {
                        round = part;
                    } else {
                        throw new IllegalArgumentException("write choice, choice:RANK, choice:ROUND or choice:ROUND:RANK");
                    }
                }
                return new ColumnUse(Kind.CHOICE, round, rank, null, null);
            }
            case "grid" -> {
                if (parts.length < 2 || parts.length > 3 || parts[1].isBlank()) {
                    throw new IllegalArgumentException("write grid:SESSION or grid:SESSION:ROUND");
                }
                return new ColumnUse(Kind.GRID, parts.length == 3 ? parts[2].strip() : null, 0, parts[1].strip(), null);
            }
            case "checkbox", "ranking" -> {
                if (parts.length > 2) {
                    throw new IllegalArgumentException("write " + head + " or " + head + ":ROUND");
                }
                return new ColumnUse(head.equals("checkbox") ? Kind.CHECKBOX : Kind.RANKING,
                        parts.length == 2 && !parts[1].isBlank() ? parts[1].strip() : null, 0, null, null);
            }
            default -> throw new IllegalArgumentException("unknown use \"" + text + "\" (known: email, name, timestamp, "
                    + "rounds, ignore, tag[:PREFIX], tags[:PREFIX], choice[:ROUND][:RANK], grid:SESSION[:ROUND], "
                    + "checkbox[:ROUND], ranking[:ROUND])");
        }
    }

    /** As a mapping would write it. */
    @Override
    public String toString() {
        String suffix = round == null ? "" : ":" + round;
        return switch (kind) {
            case EMAIL -> "email";
            case NAME -> "name";
            case TIMESTAMP -> "timestamp";
            case ROUNDS -> "rounds";
            case IGNORE -> "ignore";
            case TAG, TAGS -> kind.name().toLowerCase(Locale.ROOT) + (tagPrefix.isEmpty() ? "" : ":" + tagPrefix);
            case CHOICE -> "choice" + suffix + ":" + rank;
            case GRID -> "grid:" + session + suffix;
            case CHECKBOX -> "checkbox" + suffix;
            case RANKING -> "ranking" + suffix;
        };
    }
}
