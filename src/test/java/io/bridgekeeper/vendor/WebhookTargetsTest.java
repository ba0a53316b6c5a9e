package io.bridgekeeper.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The SSRF rules for webhook URLs, with the development setting OFF (the default): every internal
 * address form is refused, loopback included; public targets pass. Names resolve through a fake
 * resolver (no network), except {@code localhost}, which goes to the machine's real resolver.
 */
class WebhookTargetsTest {

    static final Map<String, String[]> DNS = Map.of(
            "hooks.partner.test", new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"},
            "internal.partner.test", new String[] {"10.1.2.3"},
            "metadata.partner.test", new String[] {"169.254.169.254"},
            "half-internal.partner.test", new String[] {"93.184.216.34", "127.0.0.1"},
            "v6-internal.partner.test", new String[] {"fd12:3456::1"});

    static InetAddress[] resolve(String name) throws UnknownHostException {
        String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (host.equals("localhost")) {
            return InetAddress.getAllByName(host); // the machine's own resolver: a real name that means loopback
        }
        String[] answers = DNS.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
            out[i] = InetAddress.getByName(answers[i]); // literals only: no lookup
        }
        return out;
    }

    final WebhookTargets off = new WebhookTargets(false, WebhookTargetsTest::resolve);
    final WebhookTargets devOn = new WebhookTargets(true, WebhookTargetsTest::resolve);

    /** 40 forms, each refused with the setting off: IPv4 and IPv6, mapped/compatible/6to4/NAT64, inet_aton forms, DNS. */
    static final List<String> FORBIDDEN = List.of(
            "http://localhost:8081/actuator/prometheus",
            "http://127.0.0.1:5432/",
            "https://localhost/",
            "https://localhost.:8443/",
            "https://127.0.0.1/",
            "https://127.0.0.2:5432/",
            "https://2130706433/",
            "https://0x7f.1/",
            "https://0x7f000001/",
            "https://017700000001/",
            "https://0177.0.0.1/",
            "https://127.1/",
            "https://127.0.1/",
            "https://[::1]/",
            "https://[0:0:0:0:0:0:0:1]:8080/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:7f00:1]/",
            "https://[::127.0.0.1]/",
            "https://[2002:7f00:1::]/",
            "https://[64:ff9b::a00:1]/",
            "https://[64:ff9b::7f00:1]/",
            "https://10.0.0.1/",
            "https://0x0a.0.0.1/",
            "https://167772161/",
            "https://172.16.5.4/",
            "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data/",
            "https://[::ffff:169.254.169.254]/",
            "https://[fd00:ec2::254]/",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://0/",
            "https://[::]/",
            "https://224.0.0.1/",
            "https://[ff02::1]/",
            "https://[fe80::1]/",
            "https://[fc00::1]/",
            "https://[fec0::1]/",
            "https://255.255.255.255/",
            "https://internal.partner.test/hook",
            "https://metadata.partner.test/",
            "https://half-internal.partner.test/",
            "https://v6-internal.partner.test/",
            "https://999.1.1.1/",
            "https://0x7f.0x0.0x0.0x1.1/");

    @ParameterizedTest
    @FieldSource("FORBIDDEN")
    void an_internal_target_is_refused_when_the_development_setting_is_off(String url) {
        WebhookTargets.Refused refused = catchThrowableOfType(WebhookTargets.Refused.class, () -> off.check(url));

        assertThat(refused).as(url).isNotNull();
        assertThat(refused.problem()).as(url).isIn(WebhookTargets.Problem.FORBIDDEN, WebhookTargets.Problem.INVALID);
        assertThat(off.problem(url, true)).as(url).isNotNull();
    }

    @ParameterizedTest
    @FieldSource("FORBIDDEN")
    void the_development_setting_lets_through_only_plain_http_to_localhost_spelled_plainly(String url) {
        boolean exempt = url.startsWith("http://localhost:") || url.startsWith("http://127.0.0.1:");
        assertThat(devOn.problem(url, true)).as(url).matches(p -> exempt == (p == null));
    }

    @Test
    void with_the_development_setting_plain_http_still_goes_only_to_loopback() {
        WebhookTargets publicLocalhost = new WebhookTargets(true, host -> new InetAddress[] {
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("93.184.216.34")});

        assertThat(publicLocalhost.problem("http://localhost:8080/x", true)).contains("only to this machine");
        assertThat(devOn.problem("http://localhost:8080/x", true)).isNull();
    }

    @Test
    void public_targets_pass_and_are_pinned_to_the_addresses_that_were_checked() throws Exception {
        WebhookTargets.Target target = off.check("https://hooks.partner.test/bridgekeeper");
        assertThat(target.host()).isEqualTo("hooks.partner.test");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946");
        assertThat(off.check("https://93.184.216.34:8443/x").addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34");
        assertThat(off.check("https://[2606:2800:220:1:248:1893:25c8:1946]/x").addresses()).hasSize(1);
    }

    @Test
    void an_empty_url_is_a_problem_and_an_unresolvable_name_is_only_accepted_when_asked() {
        assertThat(off.problem("", true)).startsWith("Enter the webhook URL");
        assertThat(off.problem("   ", true)).startsWith("Enter the webhook URL");
        assertThat(off.problem(null, true)).startsWith("Enter the webhook URL");
        assertThat(off.problem("https://nowhere.partner.test/x", true)).isNull();
        assertThat(off.problem("https://nowhere.partner.test/x", false)).contains("cannot be resolved");
        assertThat(off.problem("https://user:secret@hooks.partner.test/x", true)).contains("user name");
        assertThat(off.problem("ftp://hooks.partner.test/x", true)).contains("https");
    }

    @Test
    void the_development_setting_is_refused_under_the_production_profile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> new WebhookTargets(true, production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("production");
        assertThat(new WebhookTargets(false, production).allowsHttpLoopback()).isFalse();
        assertThat(new WebhookTargets(true, new MockEnvironment()).allowsHttpLoopback()).isTrue();
    }
}
