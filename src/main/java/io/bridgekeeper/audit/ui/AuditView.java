package io.bridgekeeper.audit.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.bridgekeeper.audit.AuditEntry;
import io.bridgekeeper.audit.AuditFilter;
import io.bridgekeeper.audit.AuditSearch;
import io.bridgekeeper.audit.AuditVerification;
import io.bridgekeeper.base.db.KeysetPages;
import io.bridgekeeper.base.ui.NarrowWindow;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * The audit log: every state change, newest first, in a lazy grid that reads one page at a time;
 * filters, the selected event's before/after diff, a CSV export of every filtered row (streamed)
 * and, for admins, the check of the hash chain. Partner managers see their vendors' events only.
 */
@Route("audit")
@Menu(title = "Audit log", order = 14, icon = "vaadin:records")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("audit.title") + " · Bridgekeeper";
    }

    private final AuditSearch search;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final KeysetPages<AuditFilter, AuditEntry> pages = new KeysetPages<>(AuditEntry::id);
    private final AuditDetailPanel detail = new AuditDetailPanel();
    /** Read by the export's download request as well as by the grid. */
    private volatile AuditFilter filter = AuditFilter.NONE;

    public AuditView(AuditSearch search, AuditVerification verification, AuthenticationContext authentication) {
        this.search = search;
        setId("audit-view");
        addClassName("page");
        setSizeFull();
        boolean admin = authentication.hasRole(Roles.ADMIN);

        Anchor export = csvLink("audit-export", t("audit.export"), event -> {
            event.setFileName("audit-" + Formats.fileStamp(Instant.now()) + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            search.exportCsv(filter, event.getOutputStream());
        });
        Div chainStatus = new Div();
        chainStatus.setId("chain-status");
        chainStatus.addClassName("chain-status");
        chainStatus.setVisible(false);
        Button verify = new Button(t("audit.verify"), VaadinIcon.CHECK_CIRCLE_O.create());
        verify.setDisableOnClick(true);
        verify.addClickListener(e -> {
            // a million events take seconds: check in the background (as this admin) and push the result
            UI ui = UI.getCurrent();
            chainStatus.setText(t("audit.verifying"));
            chainStatus.setClassName("chain-status");
            chainStatus.setVisible(true);
            CompletableFuture.supplyAsync(verification::verify,
                            new DelegatingSecurityContextExecutor(ForkJoinPool.commonPool()))
                    .whenComplete((result, failure) -> ui.access(() -> {
                        verify.setEnabled(true);
                        if (failure != null) {
                            chainStatus.setText(t("audit.verify-failed", String.valueOf(failure.getMessage())));
                            chainStatus.setClassName("chain-status chain-broken");
                            return;
                        }
                        chainStatus.setText(result.summary(ui.getLocale()));
                        chainStatus.getElement().setAttribute("data-intact", String.valueOf(result.intact()));
                        chainStatus.setClassName("chain-status " + (result.intact() ? "chain-ok" : "chain-broken"));
                    }));
        });
        verify.setId("audit-verify");
        verify.setVisible(admin);
        add(new ViewHeader(t("audit.title"), admin ? t("audit.subtitle-admin")
                : t("audit.subtitle-partner"), verify, export), chainStatus);

        add(new AuditFilterBar(search.actions(), search.vendors(), f -> {
            filter = f;
            detail.showNothing();
            grid.getDataProvider().refreshAll();
        }));

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.addColumn(LitRenderer.<AuditEntry>of("""
                <div class="cell-main">${item.date}</div><div class="cell-sub">${item.time}</div>""")
                .withProperty("date", e -> Formats.utcDate(e.occurredAt()))
                .withProperty("time", e -> Formats.utcTime(e.occurredAt()))).setHeader(t("audit.grid.when")).setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(LitRenderer.<AuditEntry>of("""
                <div class="cell-main">${item.action}</div><div class="cell-sub">${item.target}</div>""")
                .withProperty("action", e -> e.action() + (e.foldedSteps() == 0 ? ""
                        : " · " + t("audit.grid.failed-attempts", e.foldedSteps())))
                .withProperty("target", AuditEntry::target)).setHeader(t("audit.grid.action-target")).setFlexGrow(3);
        grid.addColumn(LitRenderer.<AuditEntry>of("""
                <div class="cell-main">${item.actor}</div><div class="cell-sub">${item.vendor}</div>""")
                .withProperty("actor", AuditEntry::actorName)
                .withProperty("vendor", e -> e.vendorName() == null ? "" : e.vendorName()))
                .setHeader(t("audit.grid.actor-vendor")).setFlexGrow(2);
        NarrowWindow.showOnlyOnPhones(grid, t("audit.grid.when"), t("audit.grid.action-target"));
        grid.setItemsPageable(pageable -> {
            AuditFilter f = filter;
            return pages.page(f, pageable, (p, after) -> search.page(f, p, after).getContent());
        });
        grid.getDataProvider().addDataProviderListener(e -> pages.forget());
        grid.setEmptyStateText(t("audit.grid.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                detail.showNothing();
            } else {
                AuditEntry selected = e.getValue();
                detail.show(selected, selected.foldedSteps() == 0 ? List.of()
                        : search.trail(selected.targetType(), selected.targetId()));
            }
        });

        Div body = new Div(grid, detail);
        body.addClassName("audit-body");
        addAndExpand(body);
    }

    /** A download link that looks like a button; the handler streams while the browser saves. */
    static Anchor csvLink(String id, String text, DownloadHandler handler) {
        Anchor link = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        link.setId(id);
        link.addClassName("download-link");
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(text));
        return link;
    }
}
