package org.breakout.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.breakout.bound.BoundCalculator;
import org.breakout.bound.LpSolver;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * How a proven bound is computed (a picocli mixin): {@code bound} takes them for its event, {@code benchmark} for every
 * dataset's bound, so a benchmark can measure its runs against the tightest bound anyone is willing to wait for. Left
 * at their defaults they give {@link BoundCalculator.Options#DEFAULT}.
 */
public class BoundOptions {

    /** These options themselves. */
    @Spec
    CommandSpec self;

    /** The command that has them. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--mip-time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "20s",
            description = "Time cap on the exact integer program (fixed timetable with repeated sessions; "
                    + "default: ${DEFAULT-VALUE}).")
    Duration mipTimeLimit;

    @Option(names = "--mip-max-variables", paramLabel = "N", defaultValue = "3000",
            description = "Largest integer program tried, in variables (default: ${DEFAULT-VALUE}); "
                    + "above it the flow bound is given with exact=false.")
    int mipMaxVariables;

    @Option(names = "--no-mip", description = "Never run the integer program: the flow bound only.")
    boolean noMip;

    @Option(names = "--lp-max-variables", paramLabel = "N",
            description = "Largest seating LP tried (fixed timetable whose flows are not exact), in variables "
                    + "(default: 300000 with glop, no limit with pdlp or columns; 0: never); above it the Lagrangian "
                    + "gives the bound.")
    Integer lpMaxVariables;

    @Option(names = "--lp-solver", paramLabel = "SOLVER", defaultValue = "glop",
            converter = LpSolverConverter.class,
            description = "The seating LP's solver: glop (simplex, exact duals; default), pdlp (a first-order "
                    + "method on every core; 1.85 million variables took 2 minutes, huge's 18 million did not "
                    + "finish in 65) or columns (column generation from the Lagrangian's prices, never the whole LP: "
                    + "huge in 15 minutes, 1 %% below its best seating). For events too big for the simplex; give "
                    + "them a long --lp-time-limit (docs/bounds.md).")
    LpSolver lpSolver;

    static final class LpSolverConverter implements CommandLine.ITypeConverter<LpSolver> {
        @Override
        public LpSolver convert(String value) {
            try {
                return LpSolver.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not an LP solver: glop, pdlp or columns");
            }
        }
    }

    @Option(names = "--lp-time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "60s", description = "Time cap on the seating LP (default: ${DEFAULT-VALUE}).")
    Duration lpTimeLimit;

    @Option(names = "--lagrangian-problems", paramLabel = "N", defaultValue = "20000000",
            description = "Attendee problems the Lagrangian's subgradient ascent may solve over its 1,000 steps "
                    + "(default: ${DEFAULT-VALUE}: every step on every attendee up to 20,000 attendees; a bigger "
                    + "event takes its steps on a sample of 10,000 first, then what is left on all). More gives a "
                    + "tighter bound on big events and takes longer: 50000000 takes every step on all of huge's "
                    + "50,000 attendees (docs/bounds.md).")
    long lagrangianProblems;

    /** The bound calculator's options; a usage error for an out-of-range value. */
    BoundCalculator.Options toOptions() {
        if (lagrangianProblems < 1) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "--lagrangian-problems: must be at least 1");
        }
        return new BoundCalculator.Options(!noMip, mipMaxVariables, mipTimeLimit)
                .withLp(lpMaxVariables != null ? lpMaxVariables
                        : lpSolver != LpSolver.GLOP ? Integer.MAX_VALUE
                                : BoundCalculator.Options.DEFAULT_LP_MAX_VARIABLES, lpTimeLimit)
                .withLagrangianSolves(lagrangianProblems).withLpSolver(lpSolver);
    }

    /** The bound options given on the command line, as typed (for a command line that runs the same again). */
    List<String> given() {
        ParseResult parsed = command.commandLine().getParseResult();
        List<String> words = new ArrayList<>();
        for (OptionSpec option : self.options()) {
            OptionSpec matched = parsed.matchedOption(option.longestName());
            if (matched != null) {
                words.add(option.longestName());
                if (option.arity().max() > 0) { // a flag's value ("true") is not typed
                    words.addAll(matched.originalStringValues());
                }
            }
        }
        return words;
    }
}
