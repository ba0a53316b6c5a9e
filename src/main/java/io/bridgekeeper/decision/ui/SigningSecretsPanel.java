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
import io.bridgekeeper.decision.SigningSecret;
import io.bridgekeeper.decision.SigningSecretService;
import io.bridgekeeper.decision.SigningSecretStatus;

/** The cache-key signing secrets, newest first, and their rotation. The secrets themselves are never shown. */
class SigningSecretsPanel extends Card {

    private final SigningSecretService secrets;
    private final Grid<SigningSecret> grid = new Grid<>();

    SigningSecretsPanel(SigningSecretService secrets) {
        this.secrets = secrets;
        setId("signing-secrets");
        Cards.outline(this);
        addClassName("wide-card");

        Button rotate = new Button(t("decision.secrets.rotate"), VaadinIcon.REFRESH.create(),
                // read afresh: another admin may have rotated since this page was drawn
                e -> new RotateSecretDialog(secrets.list(), secrets, this::refresh).open());
        rotate.setId("rotate-secret");
        rotate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div head = new Div(new H3(t("decision.secrets.title")), rotate);
        head.addClassName("card-head");
        Paragraph about = new Paragraph(t("decision.secrets.about"));
        about.addClassName("card-text");

        grid.setId("secret-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        Grid.Column<SigningSecret> kid = grid.addColumn(LitRenderer.<SigningSecret>of("""
                        <div class="cell-main mono">${item.kid}</div>
                        <div class="cell-sub narrow-only">${item.created}</div>""")
                        .withProperty("kid", SigningSecret::kid)
                        .withProperty("created", s -> t("decision.secrets.created", Formats.minute(s.createdAt()))))
                .setHeader(t("decision.secrets.kid")).setFlexGrow(0).setWidth("7rem");
        Grid.Column<SigningSecret> status = grid.addComponentColumn(SigningSecretsPanel::status).setHeader(t("decision.secrets.status"))
                .setFlexGrow(1).setWidth("9rem");
        Grid.Column<SigningSecret> created = grid.addColumn(LitRenderer.<SigningSecret>of("""
                        <div>${item.created}</div><div class="cell-sub">${item.by}</div>""")
                        .withProperty("created", s -> Formats.minute(s.createdAt()))
                        .withProperty("by", s -> t("decision.by", ServiceCredentialsPanel.who(s.createdBy()))))
                .setHeader(t("decision.created")).setFlexGrow(1).setWidth("11rem");
        Grid.Column<SigningSecret> retired = grid.addColumn(s -> s.retiredAt() == null ? "—" : Formats.minute(s.retiredAt()))
                .setHeader(t("decision.secrets.retired")).setFlexGrow(1).setWidth("10.5rem");
        NarrowWindow.track(grid, narrow -> {
            created.setVisible(!narrow);
            retired.setVisible(!narrow);
            // on a phone the first column carries the creation time too: give it the room, not the badge
            kid.setFlexGrow(narrow ? 1 : 0);
            status.setFlexGrow(narrow ? 0 : 1);
            grid.setClassName("narrow", narrow);
        });
        add(head, about, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(secrets.list());
    }

    private static Component status(SigningSecret s) {
        Badge badge = switch (s.status()) {
            case ACTIVE -> new Badge(t("decision.secrets.active"), "success");
            case VERIFY -> new Badge(t("decision.secrets.verifies"), "warning");
            case RETIRED -> new Badge(t("decision.secrets.retired"), "neutral");
        };
        badge.setId("secret-status-" + s.kid());
        if (s.status() != SigningSecretStatus.RETIRED || s.retiredAt() == null) {
            return badge;
        }
        // on a phone the Retired column is hidden: say when here
        Span when = new Span(Formats.minute(s.retiredAt()));
        when.addClassNames("cell-sub", "narrow-only");
        Div cell = new Div(badge, when);
        cell.addClassName("state-cell");
        return cell;
    }
}
