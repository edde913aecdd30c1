package org.promoattribution.codes;

import com.google.re2j.Pattern;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A REGEX definition's whole match, run where the stack can hold it. RE2J's NFA follows each chain
 * of empty steps recursively, one frame (about 100-130 bytes, measured) per instruction, so a valid
 * pattern such as twenty {@code (?:.?){1000}} in a row (40,002 instructions, 240 characters)
 * overflows a stream thread's 1 MiB stack on any code: a StackOverflowError, an Error that Kafka
 * Streams' processing exception handler never sees, again on every retry. Programs of up to
 * {@link #INLINE_INSTRUCTIONS} match on the caller's thread (half of a 1 MiB stack at most); larger
 * ones on a thread whose stack holds the deepest program RE2's budget allows (698,996
 * instructions).
 */
final class WholeMatch {
    static final int INLINE_INSTRUCTIONS = 4_000;
    private static final long DEEP_STACK_BYTES = 256L << 20;
    private static final ExecutorService DEEP_STACK = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(null, task, "promo-code-deep-match", DEEP_STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    private WholeMatch() {
    }

    static boolean matches(Pattern pattern, String code) {
        if (pattern.programSize() <= INLINE_INSTRUCTIONS) {
            return pattern.matches(code);
        }
        Future<Boolean> match = DEEP_STACK.submit(() -> pattern.matches(code));
        try {
            return match.get();
        } catch (InterruptedException e) {
            match.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching a promo code", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("matching a promo code against a REGEX failed", e.getCause());
        }
    }
}
