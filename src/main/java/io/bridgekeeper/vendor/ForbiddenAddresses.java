package io.bridgekeeper.vendor;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * Which addresses an outbound request must never reach: everything that is not a public unicast
 * address (loopback, private, link-local, CGNAT, unique-local, multicast, unspecified, reserved,
 * cloud metadata), in IPv4 and IPv6, including an IPv4 address carried inside an IPv6 one
 * (mapped, compatible, 6to4, NAT64). The ranges come from the ipaddress library's classification,
 * plus the special-purpose blocks of RFC 6890 that it has no predicate for.
 */
final class ForbiddenAddresses {

    /** inet_aton's lenient forms as C resolvers accept them: 2130706433, 0x7f.1, 017700000001, 127.1. */
    private static final IPAddressStringParameters LENIENT;

    static {
        IPAddressStringParameters.Builder b = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowPrefix(false).allowMask(false).allowWildcardedSeparator(false)
                .allowSingleSegment(true).allow_inet_aton(true);
        b.getIPv4AddressParametersBuilder().allow_inet_aton(true).allow_inet_aton_hex(true)
                .allow_inet_aton_octal(true).allow_inet_aton_joined_segments(true).allow_inet_aton_leading_zeros(true);
        b.getIPv6AddressParametersBuilder().allowMixed(true).allowZone(true);
        LENIENT = b.toParams();
    }

    private static final Map<String, String> SPECIAL_V4 = Map.ofEntries(
            Map.entry("0.0.0.0/8", "unspecified (this network)"),
            Map.entry("100.64.0.0/10", "shared address space (CGNAT)"),
            Map.entry("192.0.0.0/24", "IETF protocol assignments"),
            Map.entry("192.0.2.0/24", "documentation"),
            Map.entry("198.18.0.0/15", "benchmarking"),
            Map.entry("198.51.100.0/24", "documentation"),
            Map.entry("203.0.113.0/24", "documentation"),
            Map.entry("240.0.0.0/4", "reserved"));
    private static final Map<String, String> SPECIAL_V6 = Map.ofEntries(
            Map.entry("64:ff9b:1::/48", "local-use NAT64"),
            Map.entry("100::/64", "discard-only"),
            Map.entry("2001::/32", "Teredo tunnel"),
            Map.entry("2001:db8::/32", "documentation"));
    private static final List<String> METADATA = List.of("169.254.169.254", "fd00:ec2::254", "100.100.100.200");

    private ForbiddenAddresses() {
    }

    /** The host as an IP address if it is written as one in any form a resolver accepts, else null (a name). */
    static IPAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return new IPAddressString(h, LENIENT).getAddress();
    }

    /** Why the address must not be reached, or null when it is a public unicast address. */
    static String reason(InetAddress address) {
        IPAddress a = address instanceof Inet4Address v4 ? new IPv4Address(v4)
                : new IPv6Address((Inet6Address) address);
        return reason(a);
    }

    static String reason(IPAddress a) {
        for (String m : METADATA) {
            if (new IPAddressString(m).getAddress().isSameAddress(a.withoutPrefixLength())) {
                return "cloud metadata service";
            }
        }
        if (a.isLoopback()) {
            return "loopback";
        }
        if (a.isUnspecified() || a.isAnyLocal()) {
            return "unspecified";
        }
        if (a.isMulticast()) {
            return "multicast";
        }
        if (a.isLinkLocal()) {
            return "link-local";
        }
        if (a.isIPv4()) {
            IPv4Address v4 = a.toIPv4();
            if (v4.isPrivate()) {
                return "private network";
            }
            if (v4.intValue() == 0xFFFFFFFF) {
                return "broadcast";
            }
            return special(v4, SPECIAL_V4);
        }
        IPv6Address v6 = a.toIPv6();
        if (v6.isIPv4Mapped() || v6.isIPv4Compatible()) {
            return embedded("IPv4 inside IPv6", v6.getEmbeddedIPv4Address());
        }
        if (v6.is6To4()) {
            return embedded("6to4", v6.get6To4IPv4Address());
        }
        if (v6.isWellKnownIPv4Translatable()) {
            return embedded("NAT64", v6.getEmbeddedIPv4Address());
        }
        if (v6.isUniqueLocal()) {
            return "unique-local";
        }
        if (v6.isSiteLocal()) {
            return "site-local";
        }
        return special(v6, SPECIAL_V6);
    }

    private static String embedded(String form, IPv4Address v4) {
        String inner = reason(v4);
        return inner == null ? null : inner + " (" + form + ")";
    }

    private static String special(IPAddress a, Map<String, String> blocks) {
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            if (new IPAddressString(block.getKey()).getAddress().contains(a)) {
                return block.getValue();
            }
        }
        return null;
    }
}
