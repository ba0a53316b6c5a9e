package io.bridgekeeper.webhook;

import io.bridgekeeper.vendor.OutboundFailures;
import io.bridgekeeper.vendor.WebhookTargets;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * One HTTP attempt of a webhook, made so that it cannot be turned against the inside: the URL is
 * checked by {@link WebhookTargets} right before the attempt, and the connection goes to exactly the
 * addresses that check resolved (the client's DNS resolver answers only those, for that host only):
 * no second DNS answer can swap in an internal address. Host header, SNI and certificate checks keep
 * the URL's name. Redirects are not followed; connect and total time are bounded; at most
 * {@link #BODY_CAP} bytes of the answer are read and then dropped. What the vendor answered is never
 * kept or shown: only its class ("HTTP 5xx", "timeout", "refused", ...).
 */
final class WebhookSender implements AutoCloseable {

    static final int BODY_CAP = 1024;

    record Outcome(boolean delivered, String statusClass) {
    }

    private final WebhookTargets targets;
    private final WebhookSettings settings;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("webhook-deadline").factory());

    WebhookSender(WebhookTargets targets, WebhookSettings settings) {
        this.targets = targets;
        this.settings = settings;
    }

    Outcome send(String url, Map<String, String> headers, String body) {
        if (url == null || url.isBlank()) {
            return new Outcome(false, "no webhook URL");
        }
        WebhookTargets.Target target;
        try {
            target = targets.check(url);
        } catch (WebhookTargets.Refused refused) {
            return new Outcome(false, switch (refused.problem()) {
                case INVALID -> "invalid URL";
                case UNRESOLVABLE -> "unresolvable host";
                case FORBIDDEN -> "forbidden address";
            });
        }
        try (CloseableHttpClient client = client(target)) {
            HttpPost post = new HttpPost(target.uri());
            headers.forEach(post::setHeader);
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            // a hard bound on the whole attempt, however slowly the vendor trickles its answer
            ScheduledFuture<?> deadline = deadlines.schedule(post::cancel,
                    settings.connectTimeout().plus(settings.requestTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            try {
                ClassicHttpResponse response = client.executeOpen(null, post, null);
                int code = response.getCode();
                drainCapped(response.getEntity());
                return new Outcome(code >= 200 && code < 300, "HTTP " + code / 100 + "xx");
            } finally {
                deadline.cancel(false);
                post.cancel(); // never read the rest of the answer; the connection is not reused
                client.close(CloseMode.IMMEDIATE);
            }
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, classify(e));
        }
    }

    private CloseableHttpClient client(WebhookTargets.Target target) {
        List<InetAddress> pinned = target.addresses();
        DnsResolver onlyTheCheckedAddresses = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (!host.equalsIgnoreCase(target.host()) && !("[" + host + "]").equalsIgnoreCase(target.host())) {
                    throw new UnknownHostException(host + " was not checked");
                }
                return pinned.toArray(InetAddress[]::new);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                return java.util.Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(onlyTheCheckedAddresses)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.requestTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(settings.requestTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private static void drainCapped(HttpEntity entity) throws IOException {
        if (entity == null) {
            return;
        }
        InputStream in = entity.getContent();
        byte[] buffer = new byte[BODY_CAP];
        int total = 0;
        while (total < BODY_CAP) {
            int n = in.read(buffer, total, BODY_CAP - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        // what was read is dropped: nothing of the answer is stored or shown
    }

    /** The class of a failed attempt, in words that tell nothing about what the target is. */
    static String classify(Throwable e) {
        return OutboundFailures.classify(e);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
