package org.promoattribution.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The directory an instance of {@code run} keeps its own files in: its Kafka Streams state and
 * the identity it has in the consumer group. One instance at a time: {@link #claim} locks it,
 * and the operating system releases the lock when the process ends, however it ends (a SIGKILLed
 * instance leaves no stale lock behind).
 */
public final class InstanceDataDir implements AutoCloseable {
    static final String LOCK_FILE = "instance.lock";
    static final String ID_FILE = "instance.id";
    private static final String STATE = "state";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceDataDir(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} (created if missing) for this process; fails clearly when another instance holds it. */
    public static InstanceDataDir claim(Path dir) {
        Path lockFile = dir.resolve(LOCK_FILE);
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the data dir " + dir.toAbsolutePath() + " is in use by another "
                        + "instance (" + holder(lockFile) + " holds " + LOCK_FILE + "): give each instance its own "
                        + "--data-dir");
            }
            // Who holds it, for the message above in the next one that tries.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return new InstanceDataDir(dir, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data dir " + dir.toAbsolutePath(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile).trim();
            return pid.isEmpty() ? "a process" : pid;
        } catch (IOException e) {
            return "a process";
        }
    }

    public Path path() {
        return dir;
    }

    /** Kafka Streams' {@code state.dir} unless configured. */
    public Path stateDir() {
        return dir.resolve(STATE);
    }

    /**
     * The settings this directory gives an instance, under those configured: {@code state.dir},
     * and {@code group.instance.id} as {@link StaticMembership} names it.
     */
    public Properties settings(Properties configured, Map<String, String> env) {
        Properties settings = new Properties();
        settings.putAll(configured);
        settings.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        StaticMembership.instanceId(configured, env, this::persistedId)
                .ifPresent(id -> settings.setProperty(StaticMembership.GROUP_INSTANCE_ID, id));
        return settings;
    }

    /** An id generated on the directory's first use and read ever after. */
    String persistedId() {
        Path file = dir.resolve(ID_FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = UUID.randomUUID().toString();
            // Written aside and moved in: a crash while writing must not leave an empty id behind.
            Path written = dir.resolve(ID_FILE + ".tmp");
            Files.writeString(written, id + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the instance id in " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
