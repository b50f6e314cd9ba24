package dev.cubby.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (the POM's version). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"cubby " + (version == null ? "(development build)" : version)};
    }
}
