package io.bridgekeeper.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

    static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        -1});

    @TempDir
    Path home;

    @Test
    void the_first_key_of_the_ring_is_current_and_the_others_only_unseal() {
        MasterKeyRing ring = MasterKeySource.resolve("m2:" + K2 + ", m1:" + K1, "", home.resolve("dev"), true, "");
        assertThat(ring.currentId()).isEqualTo("m2");
        assertThat(ring.keys()).containsOnlyKeys("m1", "m2");
        assertThat(Files.exists(home.resolve("dev"))).as("no development key when one is configured").isFalse();
    }

    @Test
    void a_key_file_holds_one_key_a_line_with_comments() throws Exception {
        Path file = home.resolve("keys");
        Files.writeString(file, "# rotated 2026-12-03\nm2:" + K2 + "\nm1:" + K1 + "\n");
        MasterKeyRing ring = MasterKeySource.resolve("", file.toString(), home.resolve("dev"), true, "");
        assertThat(ring.currentId()).isEqualTo("m2");
        assertThat(ring.keys()).containsOnlyKeys("m1", "m2");
    }

    @Test
    void bad_rings_are_refused_without_echoing_key_material() {
        assertThatThrownBy(() -> MasterKeyRing.parse("m1:" + K1.substring(4), "BRIDGEKEEPER_MASTER_KEY"))
                .isInstanceOf(SealedSecretException.class).hasMessageContaining("exactly 32")
                .hasMessageNotContaining(K1.substring(4));
        assertThatThrownBy(() -> MasterKeyRing.parse(K1, "BRIDGEKEEPER_MASTER_KEY"))
                .isInstanceOf(SealedSecretException.class).hasMessageContaining("no valid key id")
                .hasMessageNotContaining(K1);
        assertThatThrownBy(() -> MasterKeyRing.parse("m1:" + K1 + ",m1:" + K2, "x"))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> MasterKeyRing.parse("m1:not base64!", "x")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> MasterKeyRing.parse(" \n# only a comment\n", "x")).hasMessageContaining("No master key");
        assertThatThrownBy(() -> MasterKeySource.resolve("m1:" + K1, "/some/file", home.resolve("dev"), true, ""))
                .hasMessageContaining("set one of them");
        assertThat(MasterKeyRing.parse("m1:" + K1, "x").toString()).doesNotContain(K1).contains("m1");
    }

    @Test
    void without_a_configured_key_a_development_key_file_is_generated_once_owner_only_or_refused() throws Exception {
        Path dev = home.resolve(".bridgekeeper").resolve("master-key");
        assertThatThrownBy(() -> MasterKeySource.resolve("", "", dev, false, "the production profile is on"))
                .isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("No master key configured (the production profile is on)")
                .hasMessageContaining("BRIDGEKEEPER_MASTER_KEY");
        assertThat(Files.exists(dev)).isFalse();

        MasterKeyRing first = MasterKeySource.resolve("", " ", dev, true, "");
        assertThat(Files.getPosixFilePermissions(dev)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.currentId()).matches("dev-[0-9a-f]{8}");
        MasterKeyRing again = MasterKeySource.resolve(null, null, dev, true, "");
        assertThat(again.currentId()).isEqualTo(first.currentId());
        assertThat(again.keys().get(again.currentId()).getEncoded())
                .isEqualTo(first.keys().get(first.currentId()).getEncoded());
        try (var files = Files.list(dev.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(dev);
        }
    }
}
