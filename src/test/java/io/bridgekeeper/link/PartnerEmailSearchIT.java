package io.bridgekeeper.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Partner managers see households' e-mails masked, so a search matches only a whole address: a prefix
 * would let them rebuild the hidden part one letter at a time.
 */
@IntegrationTest
class PartnerEmailSearchIT {

    @Autowired
    LinkService links;
    @Autowired
    UserDetailsService users;

    @Test
    void a_partner_manager_finds_a_household_by_its_whole_address_only() {
        assertThat(count(DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD)).isPositive();
        assertThat(count(DemoAccounts.CAMERA_PARTNER, "household001@example.co")).isZero();
        assertThat(count(DemoAccounts.CAMERA_PARTNER, "household00")).isZero();
        assertThat(count(DemoAccounts.CAMERA_PARTNER, "HOUSEHOLD001@EXAMPLE.COM")).as("any case").isPositive();
    }

    @Test
    void an_admin_who_sees_addresses_whole_still_searches_by_prefix() {
        assertThat(count(DemoAccounts.ADMIN, "household001@example.co")).isPositive();
    }

    private int count(String who, String query) {
        return PartnerApi.as(users, who, () -> links.search(query, PageRequest.of(0, 50)).getNumberOfElements());
    }
}
