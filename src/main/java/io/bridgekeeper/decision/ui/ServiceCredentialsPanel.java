package io.bridgekeeper.decision.ui;

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

        Button create = new Button("New credential", VaadinIcon.KEY.create(),
                e -> new NewCredentialDialog(credentials, this::refresh).open());
        create.setId("new-credential");
        create.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Div head = new Div(new H3("Service credentials"), create);
        head.addClassName("card-head");
        Paragraph about = new Paragraph("The data plane sends one as 'Authorization: Bearer bkd_…' on every "
                + "decision request. Only a hash is stored; the key is shown once, when it is created.");
        about.addClassName("card-text");

        grid.setId("credential-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(LitRenderer.<ServiceCredentialRow>of("""
                        <div class="cell-main">${item.name}</div>
                        <div class="cell-sub mono">${item.key}</div>
                        <div class="cell-sub narrow-only">Created ${item.created} by ${item.by}</div>
                        <div class="cell-sub narrow-only">Last used: ${item.used}</div>
                        <div class="cell-sub narrow-only">Scope: ${item.scope}</div>""")
                        .withProperty("name", ServiceCredentialRow::name)
                        .withProperty("key", c -> "bkd_" + c.keyPrefix() + "_…")
                        .withProperty("created", c -> Formats.minute(c.createdAt()))
                        .withProperty("by", c -> who(c.createdBy()))
                        .withProperty("used", c -> lastUsed(c))
                        .withProperty("scope", ServiceCredentialsPanel::scopeText))
                .setHeader("Credential").setFlexGrow(2).setWidth("12rem");
        Grid.Column<ServiceCredentialRow> created = grid.addColumn(LitRenderer.<ServiceCredentialRow>of("""
                        <div>${item.created}</div><div class="cell-sub">by ${item.by}</div>""")
                        .withProperty("created", c -> Formats.minute(c.createdAt()))
                        .withProperty("by", c -> who(c.createdBy())))
                .setHeader("Created").setFlexGrow(1).setWidth("11rem");
        Grid.Column<ServiceCredentialRow> used = grid.addColumn(ServiceCredentialsPanel::lastUsed)
                .setHeader("Last used").setFlexGrow(0).setWidth("10.5rem");
        Grid.Column<ServiceCredentialRow> scope = grid.addComponentColumn(this::scope).setHeader("Scope")
                .setFlexGrow(1).setWidth("12rem");
        Grid.Column<ServiceCredentialRow> state = grid.addComponentColumn(this::state).setHeader("State").setFlexGrow(0)
                .setWidth("12.5rem");
        grid.setEmptyStateText("No credential yet: the data plane cannot call the decision API until you create one.");
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
            Badge badge = new Badge("Revoked", "contrast");
            badge.setId("credential-state-" + c.keyPrefix());
            Span when = new Span(Formats.minute(c.revokedAt()) + " by " + who(c.revokedBy()));
            when.addClassName("cell-sub");
            cell.add(badge, when);
            return cell;
        }
        Badge badge = new Badge("Live", "success");
        badge.setId("credential-state-" + c.keyPrefix());
        if (c.flagged()) {
            // its requests keep naming devices of two households: a buggy or hostile caller
            Badge flag = new Badge("Flagged", "error");
            flag.setId("credential-flag-" + c.keyPrefix());
            flag.getElement().setAttribute("title", c.mismatchesLastDay() + " owner mismatches in the last 24 hours");
            cell.add(flag);
        }
        Button revoke = new Button("Revoke…", e -> confirmRevoke(c.id()));
        revoke.setId("revoke-credential-" + c.keyPrefix());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        // the scope is changed from here, so that a phone (where the scope column folds away) can too
        Button change = new Button("Scope…", e -> new CredentialScopeDialog(c, credentials, this::refresh).open());
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
                Notifications.error("'" + r.name() + "' is already revoked, by " + who(r.revokedBy()) + ".");
            } else {
                new RevokeCredentialDialog(r, credentials, this::refresh).open();
            }
        });
    }

    private Component scope(ServiceCredentialRow c) {
        Div cell = new Div();
        Span calls = new Span(c.calls().stream().map(x -> x.name().toLowerCase()).sorted()
                .collect(java.util.stream.Collectors.joining(", ")));
        Span vendors = new Span(c.vendorSlugs().isEmpty() ? "every vendor" : String.join(", ", c.vendorSlugs()));
        vendors.addClassName("cell-sub");
        Span rate = new Span(String.format("%,d/s per node", c.ratePerSecond()));
        rate.addClassName("cell-sub");
        cell.add(calls, new Div(vendors), new Div(rate));
        cell.setId("credential-scope-" + c.keyPrefix());
        return cell;
    }

    private static String scopeText(ServiceCredentialRow c) {
        return c.calls().stream().map(x -> x.name().toLowerCase()).sorted().collect(java.util.stream.Collectors.joining(", "))
                + " · " + (c.vendorSlugs().isEmpty() ? "every vendor" : String.join(", ", c.vendorSlugs()))
                + " · " + String.format("%,d/s per node", c.ratePerSecond());
    }

    private static String lastUsed(ServiceCredentialRow c) {
        return c.lastUsedAt() == null ? "Never" : Formats.minute(c.lastUsedAt());
    }

    static String who(String email) {
        return email == null ? "the system" : email;
    }
}
