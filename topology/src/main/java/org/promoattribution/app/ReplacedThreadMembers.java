package org.promoattribution.app;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a replaced stream thread's static member out of the consumer group once the thread has
 * stopped, and at start those an earlier process's replaced threads left. Kafka Streams (4.4)
 * closes a thread that died without leaving the group (the replacement overrides the leave the
 * dying thread asked for), and the replacement joins under the next thread index: until the dead
 * member's session timed out (45 s by default) the group could not finish its rebalance, and the
 * dead thread's partitions stood still. Only static
 * members can be removed by id; without {@code group.instance.id} there is nothing to do.
 */
final class ReplacedThreadMembers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplacedThreadMembers.class);
    /** Kafka Streams names its threads {@code <client id>-StreamThread-<index>} and suffixes the instance id with the index. */
    private static final Pattern THREAD_INDEX = Pattern.compile("-StreamThread-(\\d+)$");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String groupId;
    private final String instanceId;
    private final Map<String, Object> adminSettings;
    private final ExecutorService remover = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replaced-thread-members");
        thread.setDaemon(true);
        return thread;
    });

    private ReplacedThreadMembers(String groupId, String instanceId, Map<String, Object> adminSettings) {
        this.groupId = groupId;
        this.instanceId = instanceId;
        this.adminSettings = adminSettings;
    }

    /** For the Kafka Streams settings of this instance; empty without static membership. */
    static Optional<ReplacedThreadMembers> of(Map<String, Object> streamsSettings) {
        // Kafka Streams' order for its main consumer: main.consumer., then consumer., then unprefixed.
        Object id = Stream.of(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                        StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                .map(streamsSettings::get).filter(Objects::nonNull).findFirst().orElse(null);
        if (id == null || id.toString().isBlank()) {
            return Optional.empty();
        }
        String groupId = streamsSettings.get(StreamsConfig.APPLICATION_ID_CONFIG).toString();
        // Kafka Streams' own admin settings (admin.-prefixed overrides, security): those its clients use.
        Map<String, Object> admin = new StreamsConfig(streamsSettings).getAdminConfigs(groupId + "-member-remover");
        return Optional.of(new ReplacedThreadMembers(groupId, id.toString(), admin));
    }

    /** The member id of the stream thread of this name, or empty for a thread that is not one. */
    Optional<String> memberOf(String threadName) {
        Matcher index = THREAD_INDEX.matcher(threadName);
        return index.find() ? Optional.of(instanceId + "-" + index.group(1)) : Optional.empty();
    }

    /** {@code handler}, and when it answers REPLACE_THREAD the dying thread's member removed once it has ended. */
    StreamsUncaughtExceptionHandler after(StreamsUncaughtExceptionHandler handler) {
        return exception -> {
            StreamThreadExceptionResponse answer = handler.handle(exception);
            if (answer == StreamThreadExceptionResponse.REPLACE_THREAD) {
                try {
                    removeOnceEnded(Thread.currentThread()); // Kafka Streams calls the handler on the dying thread
                } catch (RuntimeException e) { // closed meanwhile: the answer must still reach Kafka Streams
                    log.warn("could not schedule the removal of a replaced stream thread's member", e);
                }
            }
            return answer;
        };
    }

    /** Removes {@code thread}'s member from the group once the thread has ended; returns at once. */
    void removeOnceEnded(Thread thread) {
        memberOf(thread.getName()).ifPresent(member -> remover.execute(() -> {
            try {
                thread.join(WAIT.toMillis());
                // Kafka Streams may call the handler on a thread it keeps (and then replaces none), and
                // may give a later replacement the dead thread's index: that one took the id back
                // as a static member (no wait), and removing it would fence a live thread.
                if (thread.isAlive() || aliveNamed(thread.getName())) {
                    return;
                }
                try (Admin admin = Admin.create(adminSettings)) {
                    remove(admin, member);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("could not remove {} from group {}; the group waits for its session to time out", member,
                        groupId, e);
            }
        }));
    }

    private static boolean aliveNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }

    /**
     * Removes this instance's members that no thread of this process will take again: a restart
     * reuses the thread indices 1 to {@code threads} only, so a member above them is one a replaced
     * thread of a previous process left, and the group would wait out its session. Called before
     * the stream threads start, and waits for at most {@code wait}: a broker slow to answer delays
     * the start by no more, and the removal goes on in the background.
     */
    void removeLeftovers(int threads, Duration wait) {
        Future<?> removal = remover.submit(() -> {
            try (Admin admin = Admin.create(adminSettings)) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups()
                        .get(groupId).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                for (String member : leftovers(group.members().stream()
                        .flatMap(m -> m.groupInstanceId().stream()).toList(), threads)) {
                    remove(admin, member);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    log.debug("group {} is new: nothing left by an earlier process", groupId);
                } else {
                    warnNotLookedFor(e.getCause());
                }
            } catch (TimeoutException | RuntimeException e) {
                warnNotLookedFor(e);
            }
        });
        try {
            removal.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("starting while members left by an earlier process are still being looked for", e);
        }
    }

    private void warnNotLookedFor(Throwable cause) {
        log.warn("could not look for members of group {} left by an earlier process of {}; the group may wait for "
                + "their sessions to time out", groupId, instanceId, cause);
    }

    /** Of the group's static member ids, this instance's whose thread index is above {@code threads}. */
    List<String> leftovers(Collection<String> memberIds, int threads) {
        Pattern own = Pattern.compile(Pattern.quote(instanceId) + "-(\\d{1,9})");
        return memberIds.stream().filter(id -> {
            Matcher index = own.matcher(id);
            return index.matches() && Integer.parseInt(index.group(1)) > threads;
        }).sorted().toList();
    }

    private void remove(Admin admin, String member) throws InterruptedException {
        try {
            admin.removeMembersFromConsumerGroup(groupId,
                            new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove(member))))
                    .all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("removed {} from group {}: its stream thread ended and no thread will take that id again",
                    member, groupId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownMemberIdException) {
                log.debug("{} already left group {}", member, groupId);
            } else {
                log.warn("could not remove {} from group {}; the group waits for its session to time out", member,
                        groupId, e.getCause());
            }
        } catch (TimeoutException e) {
            log.warn("could not remove {} from group {} within {}; the group waits for its session to time out",
                    member, groupId, WAIT);
        }
    }

    @Override
    public void close() {
        remover.shutdownNow();
    }
}
