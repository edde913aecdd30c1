package org.promoattribution.run;

import picocli.CommandLine.IVersionProvider;

/** The version in the jar's manifest (the Maven project version). */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"promo-attribution " + (version == null ? "(development build)" : version)};
    }
}
