package org.breakout.generate;

import java.util.Random;

/**
 * Independent, reproducible random streams derived from one seed. Each part of a generator (population,
 * preferences, registration times, …) draws from its own stream, so a change in how one part draws does not
 * shift the numbers every other part sees.
 *
 * <p>Only {@link java.util.Random} is used: its algorithm is fixed by the Java specification, so a seed gives
 * the same numbers on every JVM. Arithmetic on the draws goes through {@link StrictMath} for the same reason.
 */
public final class Streams {

    private Streams() {
    }

    /** A {@link Random} for the named part of a generator, derived from the seed. */
    public static Random of(long seed, String part) {
        long h = seed;
        for (int i = 0; i < part.length(); i++) {
            h = mix(h ^ part.charAt(i));
        }
        return new Random(mix(h ^ part.length()));
    }

    /**
     * The {@code index}-th of many independent streams for the named part (e.g. one per attendee), so that the
     * items can be drawn in any order, or in parallel, and still get the same numbers.
     */
    public static Random of(long seed, String part, long index) {
        return new Random(mix(of(seed, part).nextLong() ^ mix(index)));
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A standard Gumbel draw (for Plackett–Luce rankings through the Gumbel-max trick). */
    public static double gumbel(Random rng) {
        double u = rng.nextDouble();
        while (u <= 0.0) {
            u = rng.nextDouble();
        }
        return -StrictMath.log(-StrictMath.log(u));
    }

    /** An exponential draw with the given mean. */
    public static double exponential(Random rng, double mean) {
        return -mean * StrictMath.log(1.0 - rng.nextDouble());
    }

    /** Index drawn with probability proportional to its weight. */
    public static int weighted(Random rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
