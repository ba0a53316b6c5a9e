package io.bridgekeeper.vendor;

import inet.ipaddr.IPAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may be sent: an https URL whose host resolves only to public unicast addresses
 * (see {@link ForbiddenAddresses}). Checked when a URL is saved and again before every delivery, and
 * the delivery connects to exactly the addresses checked here (no second DNS answer).
 * <p>
 * {@code bridgekeeper.webhooks.allow-http-loopback=true} is for development and tests only: it lets
 * {@code http://localhost}, {@code http://127.0.0.1} and {@code http://[::1]} through (those spellings
 * only, and only while they resolve to loopback). It is off by default and refused at start-up when
 * the {@code production} profile is active.
 */
@Component
public class WebhookTargets {

    /** How a host name becomes addresses; the system resolver in the application, a fake in tests. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that passed: where to connect (the checked addresses, in resolver order) and which name to send. */
    public record Target(URI uri, String host, int port, List<InetAddress> addresses) {
    }

    /** Why a URL may not be used. {@code UNRESOLVABLE} is accepted at save (checked again at each delivery). */
    public enum Problem { INVALID, FORBIDDEN, UNRESOLVABLE }

    /** A refused URL, with a sentence for the person who entered it (never anything the target said). */
    public static final class Refused extends Exception {
        private final Problem problem;

        Refused(Problem problem, String message) {
            super(message, null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private static final Set<String> DEV_LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    /** A host whose every label is a number (decimal, octal or 0x-hex) is meant as an address: if it did not parse, refuse it. */
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?$",
            Pattern.CASE_INSENSITIVE);

    private final boolean allowHttpLoopback;
    private final HostResolver resolver;

    @Autowired
    WebhookTargets(@Value("${bridgekeeper.webhooks.allow-http-loopback:false}") boolean allowHttpLoopback,
                   Environment environment) {
        this(allowHttpLoopback, InetAddress::getAllByName);
        if (allowHttpLoopback && environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("bridgekeeper.webhooks.allow-http-loopback=true is a development setting "
                    + "and is refused under the production profile: webhooks would be sent to this machine.");
        }
    }

    public WebhookTargets(boolean allowHttpLoopback, HostResolver resolver) {
        this.allowHttpLoopback = allowHttpLoopback;
        this.resolver = resolver;
    }

    public boolean allowsHttpLoopback() {
        return allowHttpLoopback;
    }

    /**
     * What is wrong with how the URL is written, without resolving it (for a form's live check), or null.
     * An empty URL is a problem: a vendor whose URL is cleared would silently get no notification.
     */
    public static String syntaxProblem(String url) {
        io.bridgekeeper.base.Refusal refusal = syntaxRefusal(url);
        return refusal == null ? null : refusal.english();
    }

    /** What is wrong with how the URL is written, as translatable words; null when nothing is. */
    public static io.bridgekeeper.base.Refusal syntaxRefusal(String url) {
        if (url == null || url.isBlank()) {
            return new io.bridgekeeper.base.Refusal("refusal.webhook-url.empty");
        }
        if (url.length() > 2048) {
            return new io.bridgekeeper.base.Refusal("refusal.webhook-url.too-long");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return new io.bridgekeeper.base.Refusal("refusal.webhook-url.invalid");
        }
        String host = uri.getHost();
        if (uri.getScheme() == null || host == null || host.isBlank() || !uri.isAbsolute()) {
            return new io.bridgekeeper.base.Refusal("refusal.webhook-url.not-full");
        }
        if (uri.getRawUserInfo() != null) {
            return new io.bridgekeeper.base.Refusal("refusal.webhook-url.user-info");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && DEV_LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            return null; // decided by the development setting in check()
        }
        return new io.bridgekeeper.base.Refusal("refusal.webhook-url.https");
    }

    /** Checks the URL completely: how it is written, then every address its host resolves to. */
    public Target check(String url) throws Refused {
        String syntax = syntaxProblem(url);
        if (syntax != null) {
            throw new Refused(Problem.INVALID, syntax);
        }
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        boolean devLoopback = scheme.equals("http");
        if (devLoopback && !allowHttpLoopback) {
            throw new Refused(Problem.FORBIDDEN, "Use https: plain http to this machine is not allowed.");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        List<InetAddress> addresses = resolve(host);
        for (InetAddress address : addresses) {
            String reason = ForbiddenAddresses.reason(address);
            if (devLoopback && !"loopback".equals(reason)) {
                throw new Refused(Problem.FORBIDDEN, "Plain http goes only to this machine (development); "
                        + host + " resolves to " + address.getHostAddress() + ". Use https.");
            }
            if (reason != null && !devLoopback) {
                throw new Refused(Problem.FORBIDDEN, "The host " + host + " resolves to " + address.getHostAddress()
                        + ", a " + reason + " address: webhooks go only to public addresses.");
            }
        }
        return new Target(uri, host, port, List.copyOf(addresses));
    }

    /** The check's sentence, or null when the URL is fine; {@code UNRESOLVABLE} counts as fine when asked. */
    public String problem(String url, boolean acceptUnresolvable) {
        try {
            check(url);
            return null;
        } catch (Refused r) {
            return acceptUnresolvable && r.problem() == Problem.UNRESOLVABLE ? null : r.getMessage();
        }
    }

    private List<InetAddress> resolve(String host) throws Refused {
        IPAddress literal = ForbiddenAddresses.literal(host);
        if (literal != null) {
            if (literal.isMultiple() || literal.isPrefixed()) {
                throw new Refused(Problem.INVALID, "The host " + host + " is not a single address.");
            }
            try {
                return List.of(InetAddress.getByAddress(literal.getBytes()));
            } catch (UnknownHostException e) {
                throw new Refused(Problem.INVALID, "The host " + host + " is not a valid address.");
            }
        }
        if (host.startsWith("[") || NUMERIC_LOOKING.matcher(host).matches()) {
            throw new Refused(Problem.INVALID, "The host " + host + " is not a valid address.");
        }
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused(Problem.UNRESOLVABLE, "The host " + host + " cannot be resolved now.");
        }
        if (resolved == null || resolved.length == 0) {
            throw new Refused(Problem.UNRESOLVABLE, "The host " + host + " cannot be resolved now.");
        }
        return new ArrayList<>(List.of(resolved));
    }
}
