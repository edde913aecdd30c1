package org.promoattribution.schemas.serde;

import java.lang.management.ManagementFactory;

/** Bytes allocated so far by the current thread (HotSpot's count), to bound what reading a record allocates. */
final class ThreadAllocation {
    private ThreadAllocation() {
    }

    static long bytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
