package org.promoattribution.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Sizes on disk and in memory that the state-size rows report. */
final class StateSize {
    private StateSize() {
    }

    /** Bytes of the files under any {@code rocksdb} directory below {@code stateDir}. */
    static long rocksDbBytes(Path stateDir) {
        return bytesOf(stateDir, path -> path.contains("rocksdb"));
    }

    /**
     * Bytes of the files of one store, a directory named after it: under {@code rocksdb} for a
     * key-value store, in the task's directory for a window store's segments.
     */
    static long storeBytes(Path stateDir, String store) {
        return bytesOf(stateDir, path -> path.contains(File.separator + store + File.separator));
    }

    private static long bytesOf(Path stateDir, Predicate<String> relativePath) {
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> relativePath.test(stateDir.relativize(f).toString()))
                    .mapToLong(StateSize::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This process's resident set size in bytes (Linux), or -1 where /proc is not there. */
    static long residentBytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a file RocksDB removed while we walked
        }
    }
}
