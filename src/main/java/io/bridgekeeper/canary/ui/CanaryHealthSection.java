package io.bridgekeeper.canary.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.canary.CanaryHousehold;
import io.bridgekeeper.canary.CanaryService;
import io.bridgekeeper.security.CurrentUser;
import io.bridgekeeper.vendor.VendorPageSection;
import java.util.List;
import java.util.Map;

/**
 * On a vendor's page: its isolation canaries' health (admins and the vendor's partner managers), and
 * for admins, enrolling and withdrawing them, each confirmed.
 */
@org.springframework.stereotype.Component
class CanaryHealthSection implements VendorPageSection {

    private final CanaryService canaries;
    private final CurrentUser currentUser;

    CanaryHealthSection(CanaryService canaries, CurrentUser currentUser) {
        this.canaries = canaries;
        this.currentUser = currentUser;
    }

    @Override
    public Component render(long vendorId) {
        Card card = Cards.of("canary-card");
        card.setId("canary-health");
        fill(card, vendorId);
        return card;
    }

    private void fill(Card card, long vendorId) {
        card.removeAll();
        List<CanaryHousehold> all = canaries.health(vendorId);
        boolean admin = currentUser.isAdmin();
        long probes = all.stream().mapToLong(CanaryHousehold::probes24h).sum();
        long failures = all.stream().mapToLong(CanaryHousehold::failures24h).sum();
        long silent = all.stream().filter(CanaryHousehold::silent).count();
        Div title = new Div(new H3(t("canary.title")));
        title.addClassName("card-title-line");
        if (!all.isEmpty()) {
            title.add(failures > 0 ? new Badge(t("canary.failed-24h", failures), "error")
                    : silent > 0 ? new Badge(t("canary.silent-count", silent), "contrast") : new Badge(t("canary.healthy"), "success"));
        }
        card.add(title);
        Paragraph what = new Paragraph(t("canary.what"));
        what.addClassName("muted");
        card.add(what);
        if (all.isEmpty()) {
            Span none = new Span(t("canary.none"));
            none.setId("canary-none");
            card.add(none);
        } else {
            Span totals = new Span(t("canary.totals", all.size(), probes, failures));
            totals.setId("canary-totals");
            card.add(totals, grid(all, admin, card, vendorId));
        }
        if (admin) {
            Button enroll = new Button(all.isEmpty() ? t("canary.enroll-first") : t("canary.enroll-more"),
                    e -> enroll(card, vendorId, all.size()));
            enroll.setId("canary-enroll");
            card.add(enroll);
        }
    }

    private Grid<CanaryHousehold> grid(List<CanaryHousehold> all, boolean admin, Card card, long vendorId) {
        Grid<CanaryHousehold> grid = new Grid<>(CanaryHousehold.class, false);
        grid.setId("canary-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addColumn(CanaryHousehold::name).setHeader(t("canary.canary")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(c -> c.lastProbeAt() == null ? t("canary.never") : Formats.minute(c.lastProbeAt()))
                .setHeader(t("canary.last-probe")).setAutoWidth(true);
        grid.addColumn(c -> String.format(Words.pageLocale(), "%,d", c.probes24h())).setHeader(t("canary.probes")).setAutoWidth(true);
        grid.addColumn(c -> String.format(Words.pageLocale(), "%,d", c.failures24h())).setHeader(t("canary.failures")).setAutoWidth(true);
        grid.addComponentColumn(c -> c.failures24h() > 0 ? new Badge(t("canary.failed"), "error")
                : c.silent() ? new Badge(t("canary.silent"), "contrast") : new Badge(t("canary.ok"), "success"))
                .setHeader(t("canary.state")).setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(c -> {
                Button withdraw = new Button(t("canary.withdraw-button"), e -> withdraw(card, vendorId, c, all.size()));
                withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                withdraw.setId("canary-withdraw-" + c.accountId());
                return withdraw;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(all);
        return grid;
    }

    private void enroll(Card card, long vendorId, int existing) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("canary-enroll-dialog");
        dialog.setHeader(t("canary.enroll-title"));
        IntegerField count = new IntegerField(t("canary.how-many"));
        count.setId("canary-count");
        count.setMin(existing == 0 ? CanaryService.MIN_CANARIES : 1);
        count.setMax(CanaryService.MAX_PER_ENROLMENT);
        count.setValue(existing == 0 ? CanaryService.MIN_CANARIES : 1);
        count.setStepButtonsVisible(true);
        dialog.add(new Paragraph(t("canary.enroll-text")), count);
        dialog.setCancelable(true);
        dialog.setCancelText(t("base.cancel"));
        Button ok = new Button(t("canary.enroll"), e -> {
            if (Actions.run(() -> canaries.enroll(vendorId, count.getValue() == null ? 0 : count.getValue()),
                    t("canary.enrolled"), Map.of("count", count))) {
                dialog.close();
                fill(card, vendorId);
            }
        });
        ok.setId("canary-enroll-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(ok);
        dialog.open();
    }

    private void withdraw(Card card, long vendorId, CanaryHousehold c, int existing) {
        boolean both = existing == CanaryService.MIN_CANARIES;
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("canary-withdraw-dialog");
        dialog.setHeader(both ? t("canary.withdraw-both-title") : t("canary.withdraw-title", c.name()));
        dialog.setText(t(both ? "canary.withdraw-both-text" : "canary.withdraw-text"));
        dialog.setCancelable(true);
        dialog.setCancelText(t("base.cancel"));
        Button ok = new Button(both ? t("canary.withdraw-both") : t("canary.withdraw"), e -> {
            dialog.close();
            Actions.run(() -> {
                if (both) {
                    canaries.withdrawAll(vendorId);
                } else {
                    canaries.withdraw(vendorId, c.accountId());
                }
            }, t("canary.withdrawn"));
            fill(card, vendorId);
        });
        ok.setId("canary-withdraw-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(ok);
        dialog.open();
    }
}
