package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The packed key must mean exactly what the vendor id and the device id mean, at every length and width. */
class DeviceKeyTest {

    /**
     * Short alphabets (so that equal ids are drawn often), lengths around the 16 that fit in the key,
     * NUL (a packed zero byte), the top of Latin-1 and a character that does not fit in a byte.
     */
    @Property(tries = 3000)
    void keys_are_equal_exactly_when_vendor_and_id_are(
            @ForAll @IntRange(min = 1, max = 2) int vendorA, @ForAll @StringLength(max = 18) @Chars({'a', 'b', '\0', 'ÿ', '€'}) String a,
            @ForAll @IntRange(min = 1, max = 2) int vendorB, @ForAll @StringLength(max = 18) @Chars({'a', 'b', '\0', 'ÿ', '€'}) String b) {
        DeviceKey x = new DeviceKey(vendorA, a);
        DeviceKey y = new DeviceKey(vendorB, b);
        boolean same = vendorA == vendorB && a.equals(b);
        assertThat(x.equals(y)).as("%s vs %s", x, y).isEqualTo(same);
        assertThat(y.equals(x)).isEqualTo(same);
        if (same) {
            assertThat(x.hashCode()).isEqualTo(y.hashCode());
        }
    }

    @Test
    void ids_that_differ_only_in_trailing_nul_or_beyond_sixteen_characters_differ() {
        assertThat(new DeviceKey(1, "a")).isNotEqualTo(new DeviceKey(1, "a\0"));
        assertThat(new DeviceKey(1, "0123456789abcdefX")).isNotEqualTo(new DeviceKey(1, "0123456789abcdefY"));
        assertThat(new DeviceKey(1, "0123456789abcdef")).isEqualTo(new DeviceKey(1, new String("0123456789abcdef")));
        assertThat(new DeviceKey(1, "bench-1-1")).isNotEqualTo(new DeviceKey(2, "bench-1-1"));
    }
}
