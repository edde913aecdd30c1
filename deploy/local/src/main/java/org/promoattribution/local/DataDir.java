package org.promoattribution.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directory a child service keeps its data, configuration and log in: one given by the
 * caller (kept), or a fresh temporary one (deleted on close, as tests want).
 */
final class DataDir {

    private final Path path;
    private final boolean temporary;

    private DataDir(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** {@code given} made absolute and created, or a new temporary directory when it is null. */
    static DataDir of(Path given, String tempPrefix) {
        try {
            if (given != null) {
                Path absolute = given.toAbsolutePath().normalize();
                Files.createDirectories(absolute);
                return new DataDir(absolute, false);
            }
            return new DataDir(Files.createTempDirectory(tempPrefix).toAbsolutePath(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + given, e);
        }
    }

    Path path() {
        return path;
    }

    boolean isTemporary() {
        return temporary;
    }

    /** Deletes the directory and everything in it if it is a temporary one. */
    void deleteIfTemporary() {
        if (!temporary || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
