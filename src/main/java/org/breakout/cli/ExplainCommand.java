package org.breakout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.breakout.io.EventFormatException;
import org.breakout.io.EventReader;
import org.breakout.io.Json;
import org.breakout.io.JsonFiles;
import org.breakout.io.LoadedEvent;
import org.breakout.report.ScheduleExplanation;
import org.breakout.report.ScheduleExplanation.AttendeeAccount;
import org.breakout.report.ScheduleExplanation.BrokenMatch;
import org.breakout.report.ScheduleExplanation.ConstraintCost;
import org.breakout.report.ScheduleExplanation.Overview;
import org.breakout.report.ScheduleExplanation.RoundAccount;
import org.breakout.report.SeatReasons;
import org.breakout.solver.ScheduleSolver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a schedule: the score per constraint (what each rule costs, how many matches), the "
                + "hard rules broken with the sessions and people involved, or with --attendee one person's day: "
                + "what they got in each round and, for every session they ranked higher, why not.")
public class ExplainCommand implements Callable<Integer> {

    private static final int BROKEN_SHOWN = 50;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCHEDULE.json", description = "A schedule written by `breakout solve`.")
    Path schedule;

    @Option(names = "--attendee", paramLabel = "ID", description = "Explain this attendee's seats.")
    String attendee;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedEvent loaded;
        try {
            loaded = EventReader.read(schedule);
        } catch (EventFormatException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("breakout: cannot read " + schedule + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (attendee != null) {
            AttendeeAccount account = ScheduleExplanation.attendee(loaded.schedule(), attendee);
            if (account == null) {
                err.println("breakout: " + schedule + ": no attendee with id \"" + attendee + "\"");
                return ExitCodes.USAGE;
            }
            if (json) {
                out.print(JsonFiles.render(Json.MAPPER.valueToTree(account)));
                out.flush();
            } else {
                printAttendee(out, account);
            }
            return ExitCodes.OK;
        }
        ScoreAnalysis<HardMediumSoftLongScore> analysis;
        try (ScheduleSolver solver = new ScheduleSolver(ScheduleSolver.Options.defaults())) {
            analysis = solver.analyze(loaded.schedule());
        }
        Overview overview = ScheduleExplanation.overview(analysis);
        if (json) {
            ObjectNode node = Json.MAPPER.valueToTree(overview);
            out.print(JsonFiles.render(node));
            out.flush();
        } else {
            printOverview(out, overview);
        }
        return ExitCodes.OK;
    }

    private static void printOverview(PrintWriter out, Overview overview) {
        out.printf("Score       %s%s%n", overview.score(), overview.feasible() ? "  (feasible)" : "  (HARD RULES BROKEN)");
        out.println();
        out.printf("%-28s %-7s %-26s %8s%n", "Constraint", "Level", "Score", "Matches");
        long silent = 0;
        for (ConstraintCost cost : overview.constraints()) {
            if (cost.matches() == 0) {
                silent++;
                continue;
            }
            out.printf("%-28s %-7s %-26s %8d%n", cost.constraint(), cost.level(), cost.score(), cost.matches());
        }
        if (silent > 0) {
            out.printf("(%d more rules: no matches)%n", silent);
        }
        if (overview.broken().isEmpty()) {
            out.println();
            out.println("No hard rule is broken.");
            return;
        }
        out.println();
        out.printf("Hard rules broken (%d):%n", overview.broken().size());
        for (BrokenMatch match : overview.broken().stream().limit(BROKEN_SHOWN).toList()) {
            out.printf("  %s %s: sessions %s; people %s; rooms %s; rounds %s%n", match.constraint(), match.score(),
                    list(match.sessions()), list(match.people()), list(match.rooms()), list(match.rounds()));
        }
        if (overview.broken().size() > BROKEN_SHOWN) {
            out.printf("  … and %d more (see --json)%n", overview.broken().size() - BROKEN_SHOWN);
        }
    }

    private static void printAttendee(PrintWriter out, AttendeeAccount account) {
        out.printf("%s  %s%n", account.id(), account.name());
        for (RoundAccount round : account.rounds()) {
            String got = round.session() == null ? "no seat"
                    : round.session() + " \"" + round.title() + "\" in " + round.room() + " ("
                            + (round.rank() == null ? "unranked" : "rank " + round.rank()) + ")";
            out.printf("  %s (%s): %s%n", round.roundName(), round.round(), got);
            for (SeatReasons.Reason reason : round.whyNotBetter()) {
                out.printf("      not %s (rank %d): %s%n", reason.session(), reason.rank(), reason.text());
            }
        }
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "—" : String.join(", ", values);
    }
}
