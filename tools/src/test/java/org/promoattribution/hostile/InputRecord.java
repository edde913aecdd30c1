package org.promoattribution.hostile;

import java.nio.charset.StandardCharsets;

/**
 * One record written to an input topic as its producer wrote it, good or hostile: any key, any
 * bytes (null included), with what SPEC says must become of it.
 *
 * @param what a description, for failure messages
 */
public record InputRecord(String what, Input input, byte[] key, byte[] value, Expected expected) {

    public static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return what + " on " + input + " (key " + (key == null ? "null" : key.length + " bytes") + ", value "
                + (value == null ? "null" : value.length + " bytes") + "): " + expected;
    }
}
