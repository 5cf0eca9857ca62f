package org.breakout.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** The version from the build (filtered resource), with the Timefold Solver version it runs on. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/breakout/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        String timefold = ai.timefold.solver.core.api.solver.SolverFactory.class.getPackage().getImplementationVersion();
        return new String[] {
                "breakout " + properties.getProperty("version", "unknown"),
                "Timefold Solver " + (timefold == null ? "1.32.0" : timefold) + ", Java " + System.getProperty("java.version")
        };
    }
}
