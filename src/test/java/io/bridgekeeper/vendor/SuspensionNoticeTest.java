package io.bridgekeeper.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a household reads beside a camera of a suspended vendor follows the suspension's scope (issue 17). */
class SuspensionNoticeTest {

    static SuspensionNotice notice(Set<Capability> scope) {
        return new SuspensionNotice(1, "LumaCam", scope, SuspensionReason.PRIVACY_LEAK, null);
    }

    @Test
    void a_suspension_of_every_capability_or_of_both_image_capabilities_shows_the_camera_nowhere() {
        assertThat(notice(EnumSet.allOf(Capability.class)).imagesLine(Locale.ENGLISH, "Kitchen display"))
                .isEqualTo("Not shown on any display while LumaCam is suspended to protect your privacy while a problem is investigated");
        assertThat(notice(EnumSet.of(Capability.CAMERA_STREAM, Capability.SNAPSHOT)).imagesLine(Locale.ENGLISH, "Kitchen display"))
                .startsWith("Not shown on any display");
    }

    @Test
    void a_suspension_of_one_image_capability_says_what_is_still_shown_and_control_alone_changes_nothing() {
        assertThat(notice(EnumSet.of(Capability.CAMERA_STREAM)).imagesLine(Locale.ENGLISH, "Kitchen display"))
                .isEqualTo("Snapshots only, on Kitchen display: live video is suspended to protect your privacy while a problem is investigated");
        assertThat(notice(EnumSet.of(Capability.SNAPSHOT)).imagesLine(Locale.ENGLISH, "Kitchen display"))
                .startsWith("Live video only, on Kitchen display");
        assertThat(notice(EnumSet.of(Capability.CONTROL)).imagesLine(Locale.ENGLISH, "Kitchen display")).isNull();
    }

    @Test
    void a_partial_suspension_says_what_is_suspended_and_that_the_rest_works_and_a_whole_one_does_not() {
        assertThat(notice(EnumSet.of(Capability.CAMERA_STREAM)).partial()).isTrue();
        assertThat(notice(EnumSet.of(Capability.CAMERA_STREAM)).message(Locale.ENGLISH))
                .isEqualTo("Live video suspended by the platform to protect your privacy while a problem is investigated; everything else works.");
        assertThat(notice(EnumSet.of(Capability.SNAPSHOT, Capability.CAMERA_STREAM)).message(Locale.ENGLISH))
                .startsWith("Live video and snapshots suspended by the platform");
        assertThat(notice(EnumSet.allOf(Capability.class)).partial()).isFalse();
        assertThat(notice(EnumSet.allOf(Capability.class)).message(Locale.ENGLISH))
                .isEqualTo("Suspended by the platform to protect your privacy while a problem is investigated.");
    }

    @Test
    void a_german_household_reads_it_in_german() {
        assertThat(notice(EnumSet.of(Capability.CAMERA_STREAM)).message(Locale.GERMAN))
                .isEqualTo("Livevideo von der Plattform gesperrt, zum Schutz Ihrer Privatsphäre, während ein Problem "
                        + "untersucht wird; alles andere funktioniert.");
        assertThat(notice(EnumSet.allOf(Capability.class)).imagesLine(Locale.GERMAN, "Küchendisplay"))
                .isEqualTo("Auf keinem Display gezeigt, solange LumaCam gesperrt ist, zum Schutz Ihrer Privatsphäre, "
                        + "während ein Problem untersucht wird");
    }
}
