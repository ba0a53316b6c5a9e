package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The bound of the resolve device index: trimming frees a tenth, and keeps what it does not remove intact. */
class DeviceIndexTrimTest {

    @Test
    void a_full_index_is_trimmed_to_nine_tenths_and_the_rest_is_untouched() {
        ConcurrentHashMap<DeviceKey, String> map = new ConcurrentHashMap<>();
        for (int i = 0; i < 1_050; i++) {
            map.put(new DeviceKey(1, "dev-" + i), "entry-" + i);
        }
        DecisionState.trim(map, 1_000);
        assertThat(map.mappingCount()).isEqualTo(900);
        map.forEach((k, v) -> assertThat(v).isEqualTo("entry-" + k.vendorDeviceId().substring(4)));
    }
}
