package io.bridgekeeper.vendor;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * What a failed request to a vendor (a webhook, a token or device request) is called where people read
 * it: its class only ("timeout", "refused", ...), never anything the target said or where it is.
 */
public final class OutboundFailures {

    private OutboundFailures() {
    }

    /** The class of a failed request, or null when none of the known causes is in {@code e}'s chain. */
    public static String classOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof InterruptedIOException) {
                return "timeout";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "refused";
            }
            if (t instanceof SSLException) {
                return "TLS failure";
            }
            if (t instanceof UnknownHostException) {
                return "unresolvable host";
            }
        }
        return null;
    }

    /** {@link #classOf}, or "connection failed" for anything else. */
    public static String classify(Throwable e) {
        String known = classOf(e);
        return known == null ? "connection failed" : known;
    }
}
