package io.bridgekeeper.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagePlanTest {

    @Test
    void stages_rise_and_end_at_100() {
        assertThat(StagePlan.parse("1, 5, 25, 50, 100 %").percents()).isEqualTo(StagePlan.TEMPLATE);
        assertThat(new StagePlan(List.of(100)).percents()).containsExactly(100);
        for (String bad : new String[] {"", "1, 5, 50", "5, 1, 100", "1, 1, 100", "0, 100", "50, 101", "a, 100"}) {
            assertThatThrownBy(() -> StagePlan.parse(bad)).as(bad).isInstanceOf(DomainException.class);
        }
    }
}
