package org.promoattribution.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reads a {@code .properties} configuration file; a missing file is a clear error, not an empty config. */
final class ConfigFile {
    private ConfigFile() {
    }

    static Properties load(Path file) {
        Properties props = new Properties();
        if (file == null) {
            return props;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return props;
    }
}
