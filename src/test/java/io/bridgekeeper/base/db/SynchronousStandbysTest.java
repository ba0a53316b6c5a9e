package io.bridgekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SynchronousStandbysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ANY 2 (replica1, replica2)|2",
            "any 1 (replica1, replica2)|1",
            "FIRST 3 (a, b, c, d)|3",
            "2 (a, b)|2",
            "'  ANY 2 ( \"Replica One\", b )  '|2",
            "replica1|1",
            "replica1, replica2|1",
            "*|1",
            "''|0",
            "'   '|0"})
    void counts_the_standbys_a_commit_waits_for(String setting, int waitFor) {
        assertThat(SynchronousStandbys.parse(setting).waitFor()).isEqualTo(waitFor);
    }
}
