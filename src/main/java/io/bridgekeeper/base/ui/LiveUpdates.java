package io.bridgekeeper.base.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.shared.Registration;
import io.bridgekeeper.base.cluster.ClusterListener;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages that follow the database: a page says which changes are its own and how to show them again,
 * and while it is on screen every such change committed on any node reaches it through Vaadin's server
 * push. The changes come from PostgreSQL's NOTIFY on {@value #CHANNEL}, sent by triggers (migration
 * V114), so they arrive after commit, from every node, and for every code path.
 *
 * <p>Bursts are merged: a page has at most one refresh waiting, and refreshes of one page are at least
 * {@code bridgekeeper.live.min-gap} apart (a running rollout's telemetry arrives every few seconds per
 * node). A refresh runs as the page's own user (inside {@link UI#access}, Vaadin's security-context
 * strategy reads the session's sign-in), so it shows exactly what a reload would. After the LISTEN
 * connection was lost every followed page refreshes once, since changes may have been missed meanwhile.
 */
@org.springframework.stereotype.Component
public class LiveUpdates implements ClusterListener {

    public static final String CHANNEL = "portal_change";

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("live-updates").factory());
    private final JsonMapper json;
    private final long minGapMillis;

    LiveUpdates(JsonMapper json, @Value("${bridgekeeper.live.min-gap:PT0.5S}") Duration minGap) {
        this.json = json;
        this.minGapMillis = minGap.toMillis();
    }

    /**
     * While {@code page} is attached, runs {@code refresh} (in the page's UI, as its user) after every
     * committed change that {@code affects} accepts. A page that rebuilds its fields calls
     * {@link Live#rendered()} after each rebuild: while the person has typed into one of them and not
     * saved, a change does not rebuild the page under their hands; they are told and choose when.
     */
    public Live follow(Component page, Predicate<PortalChange> affects, Runnable refresh) {
        Follower follower = new Follower(page, affects, refresh);
        page.getUI().ifPresent(follower::attach);
        Registration attach = page.addAttachListener(e -> follower.attach(e.getUI()));
        Registration detach = page.addDetachListener(e -> follower.detach());
        return new Live(follower, attach, detach);
    }

    /** A page's following of changes. */
    public static final class Live implements Registration {
        private final Follower follower;
        private final Registration attach;
        private final Registration detach;

        private Live(Follower follower, Registration attach, Registration detach) {
            this.follower = follower;
            this.attach = attach;
            this.detach = detach;
        }

        /** The page has (re)built its fields from what it read: input from here on is unsaved input. */
        public void rendered() {
            follower.watchInput();
        }

        @Override
        public void remove() {
            attach.remove();
            detach.remove();
            follower.detach();
        }
    }

    /** The context closes: no refresh is scheduled any more. */
    @jakarta.annotation.PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** How many pages follow changes on this node now (for tests and diagnostics). */
    public int following() {
        return followers.size();
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void onListening() {
        followers.forEach(Follower::schedule);
    }

    @Override
    public void onDisconnected() {
        // nothing to distrust: pages show what they last read, and refresh once listening again
    }

    @Override
    public void onNotification(String payload) {
        PortalChange change;
        try {
            change = parse(payload);
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed portal change {}: {}", payload, e.getMessage());
            return;
        }
        for (Follower f : followers) {
            if (f.affects(change)) {
                f.schedule();
            }
        }
    }

    PortalChange parse(String payload) {
        JsonNode n = json.readTree(payload);
        return new PortalChange(n.path("t").asString(), id(n, "v"), id(n, "a"), id(n, "r"), id(n, "s"), id(n, "n"));
    }

    private static Long id(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : Long.valueOf(v.asString());
    }

    private final class Follower {
        private final Component page;
        private final Predicate<PortalChange> affects;
        private final Runnable refresh;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile UI ui;
        private volatile long lastRun;
        /** The person typed into a field of the page since it was built (UI thread only). */
        private boolean unsaved;
        private Notification changedNotice;

        Follower(Component page, Predicate<PortalChange> affects, Runnable refresh) {
            this.page = page;
            this.affects = affects;
            this.refresh = refresh;
        }

        void attach(UI attachedTo) {
            ui = attachedTo;
            followers.add(this);
        }

        /** Every field now in the page marks the page as holding unsaved input when the person changes it. */
        void watchInput() {
            unsaved = false;
            if (changedNotice != null) {
                changedNotice.close();
                changedNotice = null;
            }
            watch(page);
        }

        private void watch(Component c) {
            if (c instanceof HasValue<?, ?> field) {
                field.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        unsaved = true;
                    }
                });
            }
            c.getChildren().forEach(this::watch);
        }

        /** Runs in the UI: refresh now, or, over unsaved input, say that the page changed and let the person choose. */
        private void refreshOrTell() {
            if (!unsaved) {
                refresh.run();
                return;
            }
            if (changedNotice != null) {
                return;
            }
            Button show = new Button(t("base.live.show-change"), e -> {
                changedNotice.close();
                changedNotice = null;
                unsaved = false;
                refresh.run();
            });
            show.setId("live-show-change");
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Span text = new Span(t("base.live.changed"));
            changedNotice = new Notification(text, show);
            changedNotice.setId("live-changed");
            changedNotice.setPosition(Notification.Position.BOTTOM_END);
            changedNotice.setDuration(0);
            changedNotice.open();
        }

        void detach() {
            followers.remove(this);
            ui = null;
        }

        boolean affects(PortalChange change) {
            try {
                return affects.test(change);
            } catch (RuntimeException e) {
                log.warn("A page's change filter failed: {}", e.toString());
                return false;
            }
        }

        void schedule() {
            if (!pending.compareAndSet(false, true)) {
                return;
            }
            long wait = Math.max(0, lastRun + minGapMillis - System.currentTimeMillis());
            try {
                timer.schedule(this::run, wait, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false); // shutting down
            }
        }

        private void run() {
            UI target = ui;
            if (target == null) {
                pending.set(false);
                return;
            }
            try {
                target.access(() -> {
                    pending.set(false);
                    lastRun = System.currentTimeMillis();
                    try {
                        refreshOrTell();
                    } catch (RuntimeException e) {
                        // the database may be away for a moment: keep what the page shows, the next change or
                        // reload shows it again
                        log.debug("A live refresh failed, the page keeps what it showed: {}", e.toString());
                    }
                });
            } catch (UIDetachedException e) {
                pending.set(false);
                detach();
            }
        }
    }
}
