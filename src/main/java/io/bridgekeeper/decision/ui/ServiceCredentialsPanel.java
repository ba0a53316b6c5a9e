package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Notifications;
import io.bridgekeeper.decision.ServiceCredentialRow;
import io.bridgekeeper.decision.ServiceCredentialService;
import java.util.List;

/**
 * The data plane's service credentials: live ones first, each with who created it and when it was
 * last used; created with the key shown once, revoked after a confirmation.
 */
class ServiceCredentialsPanel extends Card {

    private final ServiceCredentialService credentials;
    private final Grid<ServiceCredentialRow> grid = new Grid<>();

    ServiceCredentialsPanel(ServiceCredentialService credentials) {
        this.credentials = credentials;
        setId("service-credentials");
        Cards.outline(this);
        addClassName("wide-card");

        Button create = new Button(t("decision.creds.new"), VaadinIcon.KEY.create(),
                e -> new NewCredentialDialog(credentials, this::refresh).open());
        create.setId("new-credential");
        create.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Div head = new Div(new H3(t("decision.creds.title")), create);
        head.addClassName("card-head");
        Paragraph about = new Paragraph(t("decision.creds.about"));
        about.addClassName("card-text");

        grid.setId("credential-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(LitRenderer.<ServiceCredentialRow>of("""
                        <div class="cell-main">${item.name}</div>
                        <div class="cell-sub mono">${item.key}</div>
                        <div class="cell-sub narrow-only">${item.createdBy}</div>
                        <div class="cell-sub narrow-only">${item.usedLine}</div>
                        <div class="cell-sub narrow-only">${item.scopeLine}</div>""")
                        .withProperty("name", ServiceCredentialRow::name)
                        .withProperty("key", c -> "bkd_" + c.keyPrefix() + "_…")
                        .withProperty("created", c -> Formats.minute(c.createdAt()))
                        .withProperty("by", c -> who(c.createdBy()))
                        .withProperty("used", c -> lastUsed(c))
                        .withProperty("scope", ServiceCredentialsPanel::scopeText)
                        .withProperty("createdBy", c -> t("decision.creds.created-by", Formats.minute(c.createdAt()), who(c.createdBy())))
                        .withProperty("usedLine", c -> t("decision.creds.used-line", lastUsed(c)))
                        .withProperty("scopeLine", c -> t("decision.creds.scope-line", scopeText(c))))
                .setHeader(t("decision.creds.credential")).setFlexGrow(2).setWidth("12rem");
        Grid.Column<ServiceCredentialRow> created = grid.addColumn(LitRenderer.<ServiceCredentialRow>of("""
                        <div>${item.created}</div><div class="cell-sub">${item.by}</div>""")
                        .withProperty("created", c -> Formats.minute(c.createdAt()))
                        .withProperty("by", c -> t("decision.by", who(c.createdBy()))))
                .setHeader(t("decision.created")).setFlexGrow(1).setWidth("11rem");
        Grid.Column<ServiceCredentialRow> used = grid.addColumn(ServiceCredentialsPanel::lastUsed)
                .setHeader(t("decision.last-used")).setFlexGrow(0).setWidth("10.5rem");
        Grid.Column<ServiceCredentialRow> scope = grid.addComponentColumn(this::scope).setHeader(t("decision.scope"))
                .setFlexGrow(1).setWidth("12rem");
        Grid.Column<ServiceCredentialRow> state = grid.addComponentColumn(this::state).setHeader(t("decision.state")).setFlexGrow(0)
                .setWidth("12.5rem");
        grid.setEmptyStateText(t("decision.creds.empty"));
        NarrowWindow.track(grid, narrow -> {
            created.setVisible(!narrow);
            used.setVisible(!narrow);
            scope.setVisible(!narrow);
            // badge and revoke button one above the other, so the name keeps most of a phone's width
            state.setWidth(narrow ? "6.5rem" : "12.5rem");
            grid.setClassName("narrow", narrow);
        });
        add(head, about, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(credentials.list());
    }

    private Component state(ServiceCredentialRow c) {
        Div cell = new Div();
        cell.addClassName("state-cell");
        if (c.revoked()) {
            Badge badge = new Badge(t("decision.creds.revoked"), "contrast");
            badge.setId("credential-state-" + c.keyPrefix());
            Span when = new Span(t("decision.at-by", Formats.minute(c.revokedAt()), who(c.revokedBy())));
            when.addClassName("cell-sub");
            cell.add(badge, when);
            return cell;
        }
        Badge badge = new Badge(t("decision.creds.live"), "success");
        badge.setId("credential-state-" + c.keyPrefix());
        if (c.flagged()) {
            // its requests keep naming devices of two households: a buggy or hostile caller
            Badge flag = new Badge(t("decision.creds.flagged"), "error");
            flag.setId("credential-flag-" + c.keyPrefix());
            flag.getElement().setAttribute("title", t("decision.creds.flag-title", c.mismatchesLastDay()));
            cell.add(flag);
        }
        Button revoke = new Button(t("decision.creds.revoke"), e -> confirmRevoke(c.id()));
        revoke.setId("revoke-credential-" + c.keyPrefix());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        // the scope is changed from here, so that a phone (where the scope column folds away) can too
        Button change = new Button(t("decision.creds.change-scope"), e -> new CredentialScopeDialog(c, credentials, this::refresh).open());
        change.setId("change-scope-" + c.keyPrefix());
        change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        cell.add(badge, revoke, change);
        return cell;
    }

    /**
     * Reads the credential afresh first: the dialog says when it was last used (a service may still
     * depend on it), and another admin may have revoked it since the list was drawn.
     */
    private void confirmRevoke(long id) {
        List<ServiceCredentialRow> now = credentials.list();
        grid.setItems(now);
        now.stream().filter(r -> r.id() == id).findFirst().ifPresent(r -> {
            if (r.revoked()) {
                Notifications.error(t("decision.creds.already-revoked", r.name(), who(r.revokedBy())));
            } else {
                new RevokeCredentialDialog(r, credentials, this::refresh).open();
            }
        });
    }

    private Component scope(ServiceCredentialRow c) {
        Div cell = new Div();
        Span calls = new Span(c.calls().stream().map(x -> x.name().toLowerCase()).sorted()
                .collect(java.util.stream.Collectors.joining(", ")));
        Span vendors = new Span(c.vendorSlugs().isEmpty() ? t("decision.creds.every-vendor") : String.join(", ", c.vendorSlugs()));
        vendors.addClassName("cell-sub");
        Span rate = new Span(t("decision.creds.rate", c.ratePerSecond()));
        rate.addClassName("cell-sub");
        cell.add(calls, new Div(vendors), new Div(rate));
        cell.setId("credential-scope-" + c.keyPrefix());
        return cell;
    }

    private static String scopeText(ServiceCredentialRow c) {
        return c.calls().stream().map(x -> x.name().toLowerCase()).sorted().collect(java.util.stream.Collectors.joining(", "))
                + " · " + (c.vendorSlugs().isEmpty() ? t("decision.creds.every-vendor") : String.join(", ", c.vendorSlugs()))
                + " · " + t("decision.creds.rate", c.ratePerSecond());
    }

    private static String lastUsed(ServiceCredentialRow c) {
        return c.lastUsedAt() == null ? t("decision.never") : Formats.minute(c.lastUsedAt());
    }

    static String who(String email) {
        return email == null ? t("decision.the-system") : email;
    }
}
