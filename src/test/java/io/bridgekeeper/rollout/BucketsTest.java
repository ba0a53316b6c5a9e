package io.bridgekeeper.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BucketsTest {

    private static final List<Integer> STAGES = List.of(1, 5, 25, 50, 100);
    private static final int DEVICES = 100_000;

    @Test
    void every_device_in_a_stage_stays_in_every_later_stage_and_each_share_is_within_one_point() {
        String salt = "3f9a1c0b5e7d2468";
        int[] buckets = IntStream.range(0, DEVICES).map(i -> Buckets.bucket(salt, "device-" + i)).toArray();

        for (int k = 0; k < STAGES.size(); k++) {
            int percent = STAGES.get(k);
            long inStage = 0;
            for (int b : buckets) {
                if (Buckets.inStage(b, percent)) {
                    inStage++;
                    if (k + 1 < STAGES.size()) {
                        assertThat(Buckets.inStage(b, STAGES.get(k + 1)))
                                .as("a device in the %d %% stage is in the %d %% stage", percent, STAGES.get(k + 1))
                                .isTrue();
                    }
                }
            }
            double share = 100.0 * inStage / DEVICES;
            assertThat(share).as("share of the %d %% stage", percent).isBetween(percent - 1.0, percent + 1.0);
        }
    }

    @Test
    void a_bucket_is_stable_in_range_and_depends_on_the_salt() {
        assertThat(Buckets.bucket("salt-a", "cam-42")).isEqualTo(Buckets.bucket("salt-a", "cam-42"));
        assertThat(IntStream.range(0, 10_000).map(i -> Buckets.bucket("s", "d" + i)))
                .allMatch(b -> b >= 0 && b < Buckets.COUNT);
        long same = IntStream.range(0, 1000)
                .filter(i -> Buckets.bucket("salt-a", "d" + i) == Buckets.bucket("salt-b", "d" + i)).count();
        assertThat(same).as("another salt gives other buckets").isLessThan(10);
    }
}
