package org.promoattribution.app;

import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * An input position found out of range: the offset the pipeline was to read next on a partition is
 * no longer in the log. Below the log's start, the records from it up to the start were deleted
 * (by retention, or by someone) before the pipeline read them; past the log's end, the log was
 * truncated or the topic re-created, and what was there is unknown.
 *
 * @param position the offset to be read next, as the consumer held it
 * @param logStart the log's first offset when it was looked up; -1 when that lookup failed
 * @param logEnd   the log's end offset when it was looked up; -1 when that lookup failed
 */
public record OffsetLoss(TopicPartition partition, long position, long logStart, long logEnd, Instant at) {
    public static final long UNKNOWN = -1;

    /** The offsets deleted unread, from the position up to the log's start: 0 when none are known. */
    public long lost() {
        return logStart > position ? logStart - position : 0;
    }

    /** "input clicks-2: offsets 1200 to 4799 (3600 records) were deleted before the pipeline read them" */
    public String describe() {
        String where = "input " + partition + ": ";
        if (lost() > 0) {
            return where + "offsets " + position + " to " + (logStart - 1) + " (" + lost()
                    + " records) were deleted before the pipeline read them";
        }
        if (logStart == UNKNOWN) {
            return where + "offset " + position + ", the next to read, is out of range; the log's bounds could"
                    + " not be read, so how many records were lost is unknown";
        }
        return where + "offset " + position + ", the next to read, is past the log's end " + logEnd
                + " (the log was truncated or the topic re-created); what was there is unknown";
    }
}
