package io.bridgekeeper.audit.ui;

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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.bridgekeeper.audit.AuditEntry;
import io.bridgekeeper.audit.AuditFilter;
import io.bridgekeeper.audit.AuditSearch;
import io.bridgekeeper.audit.AuditVerification;
import io.bridgekeeper.audit.ChainVerification;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The audit log: every state change, newest first, in a lazy grid that reads one page at a time;
 * filters, the selected event's before/after diff, a CSV export of every filtered row (streamed)
 * and, for admins, the check of the hash chain. Partner managers see their vendors' events only.
 */
@Route("audit")
@PageTitle("Audit log · Bridgekeeper")
@Menu(title = "Audit log", order = 6, icon = "vaadin:records")
@RolesAllowed({Roles.ADMIN, Roles.PARTNER_MANAGER})
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final AuditSearch search;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final AuditDetailPanel detail = new AuditDetailPanel();
    /** Read by the export's download request as well as by the grid. */
    private volatile AuditFilter filter = AuditFilter.NONE;

    public AuditView(AuditSearch search, AuditVerification verification, AuthenticationContext authentication) {
        this.search = search;
        setId("audit-view");
        addClassName("page");
        setSizeFull();
        boolean admin = authentication.hasRole(Roles.ADMIN);

        Anchor export = csvLink("audit-export", "Export CSV", event -> {
            event.setFileName("audit-" + FILE_TIME.format(Instant.now()) + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            search.exportCsv(filter, event.getOutputStream());
        });
        Div chainStatus = new Div();
        chainStatus.setId("chain-status");
        chainStatus.addClassName("chain-status");
        chainStatus.setVisible(false);
        Button verify = new Button("Verify chain", VaadinIcon.CHECK_CIRCLE_O.create(), e -> {
            ChainVerification result = verification.verify();
            chainStatus.setText(result.summary());
            chainStatus.getElement().setAttribute("data-intact", String.valueOf(result.intact()));
            chainStatus.setClassName("chain-status " + (result.intact() ? "chain-ok" : "chain-broken"));
            chainStatus.setVisible(true);
        });
        verify.setId("audit-verify");
        verify.setVisible(admin);
        add(new ViewHeader("Audit log", admin ? "Every change on the platform, newest first"
                : "Every change to your vendors' integrations, newest first", verify, export), chainStatus);

        add(new AuditFilterBar(search.actions(), search.vendors(), f -> {
            filter = f;
            detail.showNothing();
            grid.getDataProvider().refreshAll();
        }));

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        grid.addColumn(e -> Times.format(e.occurredAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actorName).setHeader("Actor").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.vendorName() == null ? "" : e.vendorName()).setHeader("Vendor").setAutoWidth(true);
        grid.setItemsPageable(pageable -> search.page(filter, pageable).getContent());
        grid.setEmptyStateText("No event matches these filters.");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                detail.showNothing();
            } else {
                detail.show(e.getValue());
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
