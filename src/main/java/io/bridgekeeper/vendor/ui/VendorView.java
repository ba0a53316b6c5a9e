package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.base.ui.Notifications;
import io.bridgekeeper.base.ui.Pages;
import io.bridgekeeper.base.ui.ReasonDialog;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.SuspensionSummary;
import io.bridgekeeper.vendor.VendorApiKeyService;
import io.bridgekeeper.vendor.VendorDetail;
import io.bridgekeeper.vendor.VendorPageSection;
import io.bridgekeeper.vendor.VendorPages.VendorPage;
import io.bridgekeeper.vendor.VendorPages;
import io.bridgekeeper.vendor.VendorService;
import io.bridgekeeper.vendor.VendorStatus;
import io.bridgekeeper.vendor.ViolationPolicyService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * One vendor: status and suspension, integration settings, reach, partner managers and API keys.
 * Admins act on it; its partner managers see it and manage its webhook and keys; nobody else
 * learns that it exists.
 */
@Route("vendors")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
public class VendorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("vendor.view.title") + " · Bridgekeeper";
    }

    private final VendorService vendors;
    private final SuspensionService suspensions;
    private final VendorApiKeyService keys;
    private final CurrentUser currentUser;
    private final List<VendorPageSection> sections;
    private final VendorPages pages;
    private final ViolationPolicyService policies;
    private final LiveUpdates.Live live;
    private volatile long vendorId;
    /** The open suspension shown, whose per-node applications the page follows. */
    private volatile Long shownSuspension;

    public VendorView(VendorPages pages, VendorService vendors, SuspensionService suspensions, VendorApiKeyService keys,
                      CurrentUser currentUser, ViolationPolicyService policies, List<VendorPageSection> sections,
                      LiveUpdates liveUpdates) {
        this.pages = pages;
        this.sections = sections;
        this.policies = policies;
        this.vendors = vendors;
        this.suspensions = suspensions;
        this.keys = keys;
        this.currentUser = currentUser;
        setId("vendor-view");
        addClassName("page");
        // status, suspension and its per-node application, reach, webhook deliveries: as they change
        live = liveUpdates.follow(this, c -> c.ofVendor(vendorId)
                || c.in("suspension_application") && c.suspension() != null && c.suspension().equals(shownSuspension),
                this::render);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        vendorId = id;
        render(Pages.orNotFound(() -> pages.page(id)));
    }

    private void render() {
        render(pages.page(vendorId));
    }

    private void render(VendorPage page) {
        VendorDetail v = page.vendor();
        SuspensionSummary open = page.openSuspension();
        shownSuspension = open == null ? null : open.id();
        boolean admin = currentUser.isAdmin();

        removeAll();
        ViewHeader header = new ViewHeader(v.name(), v.slug(), admin ? actions(v, open) : new Component[0]);
        header.withBadge(VendorBadges.status(v.status()));
        add(header);
        if (open != null) {
            add(new SuspensionBanner(open, page.applications()));
        }
        Div cards = new Div(new IntegrationCard(v, vendors, this::render), reachCard(v),
                new ViolationPolicyCard(vendorId, page.policy(), policies, admin, this::render));
        cards.addClassName("card-grid");
        add(cards);
        sections.stream().map(section -> section.render(vendorId)).filter(java.util.Objects::nonNull).forEach(this::add);
        if (admin) {
            add(new PartnerManagersPanel(v, vendors, this::render));
        }
        add(new ApiKeysPanel(vendorId, page.keys(), keys), new SuspensionHistory(page.suspensions()));
        live.rendered();
    }

    private Component[] actions(VendorDetail v, SuspensionSummary open) {
        if (v.status() == VendorStatus.ONBOARDING) {
            return new Component[] {action("activate-vendor", t("vendor.view.activate"), ButtonVariant.LUMO_PRIMARY,
                    () -> vendors.activate(vendorId, v.version()), t("vendor.view.activated", v.slug()))};
        }
        if (v.status() == VendorStatus.ACTIVE) {
            Button suspend = new Button(t("vendor.view.suspend"), e -> new SuspendVendorDialog(v, suspensions, () -> {
                Notifications.success(t("vendor.view.suspended", v.slug()));
                render();
            }).open());
            suspend.setId("suspend-vendor");
            suspend.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            return new Component[] {suspend};
        }
        if (v.status() == VendorStatus.SUSPENDED && open != null) {
            Button retire = new Button(t("vendor.view.retire"), e -> confirmRetire(v));
            retire.setId("retire-vendor");
            retire.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            String serves = t(open.allCapabilities() ? "vendor.view.serves-all" : "vendor.view.serves-some", v.name());
            if (open.awaitsApproval()) {
                Button approve = new Button(t("vendor.view.approve"), e -> new ReasonDialog("approve-resume",
                        t("vendor.view.approve-title", v.slug()), serves + " " + t("vendor.view.approve-text",
                        open.resumeRequestedBy(), open.resumeRequestReason()),
                        t("vendor.view.approve-confirm"), reason -> act(() -> suspensions.approveResume(vendorId, v.version(), reason),
                        t("vendor.view.resumed-everywhere", v.slug()))).constructive().open());
                approve.setId("approve-resume");
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                boolean mine = open.resumeRequestedById() != null && open.resumeRequestedById() == currentUser.id();
                if (mine) {
                    approve.setEnabled(false);
                    approve.setTooltipText(t("vendor.view.own-request"));
                }
                Button withdraw = new Button(t(mine ? "vendor.view.withdraw" : "vendor.view.decline"), e -> new ReasonDialog(
                        "withdraw-resume", t(mine ? "vendor.view.withdraw-title" : "vendor.view.decline-title", v.slug()),
                        mine ? t("vendor.view.withdraw-text", v.name()) : t("vendor.view.decline-text", v.name(), open.resumeRequestedBy()),
                        t(mine ? "vendor.view.withdraw-confirm" : "vendor.view.decline-confirm"), reason -> act(() -> suspensions.withdrawResume(vendorId,
                        v.version(), reason), mine ? t("vendor.view.withdrawn") : t("vendor.view.declined", v.slug()))).open());
                withdraw.setId("withdraw-resume");
                withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                return new Component[] {retire, withdraw, approve};
            }
            boolean fourEyes = open.reason().needsSecondAdminToResume();
            Button resume = new Button(t(fourEyes ? "vendor.view.request-resume" : "vendor.view.resume"), e -> new ReasonDialog(
                    "resume", t(fourEyes ? "vendor.view.request-resume-title" : "vendor.view.resume-title", v.slug()),
                    fourEyes ? t("vendor.view.four-eyes", Words.label(open.reason()).toLowerCase(Words.pageLocale()), serves,
                            Words.label(open.reason())) : serves,
                    t(fourEyes ? "vendor.view.request-resume-confirm" : "vendor.view.resume-confirm"),
                    reason -> act(() -> suspensions.requestResume(vendorId, v.version(), reason),
                            fourEyes ? t("vendor.view.resume-requested") : t("vendor.view.resumed", v.slug())))
                    .constructive().open());
            resume.setId("resume-vendor");
            resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            return new Component[] {retire, resume};
        }
        return new Component[0];
    }

    private void act(Runnable call, String done) {
        Actions.run(call, done);
        render();
    }

    private Button action(String id, String label, ButtonVariant variant, Runnable call, String done) {
        Button b = new Button(label, e -> {
            Actions.run(call, done);
            render();
        });
        b.setId(id);
        b.addThemeVariants(variant);
        return b;
    }

    private void confirmRetire(VendorDetail v) {
        ConfirmDialog confirm = new ConfirmDialog(t("vendor.view.retire-title", v.name()),
                t("vendor.view.retire-text", String.valueOf(v.liveLinks()), String.valueOf(v.devices())),
                t("vendor.view.retire-confirm"), e -> {
                    Actions.run(() -> vendors.retire(vendorId, v.version()), t("vendor.view.retired", v.slug()));
                    render();
                });
        confirm.setId("retire-confirm");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(t("base.cancel"));
        confirm.open();
    }

    private static Card reachCard(VendorDetail v) {
        return Cards.of("reach-card", new com.vaadin.flow.component.html.H3(t("vendor.reach.title")),
                ReachLine.of("reach-households", t("vendor.reach.households"), v.households()),
                ReachLine.of("reach-links", t("vendor.live-links"), v.liveLinks()),
                ReachLine.of("reach-devices", t("vendor.devices"), v.devices()));
    }
}
