package io.bridgekeeper;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modules_only_use_each_others_published_api_and_have_no_cycles() {
        ApplicationModules.of(Application.class).verify();
    }
}
