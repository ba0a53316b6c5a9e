package io.bridgekeeper.link.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** The links of the partner manager's own vendors. */
@Route("partner/links")
@PageTitle("Links · Bridgekeeper")
@Menu(title = "Links", order = 11, icon = "vaadin:link")
@RolesAllowed(Roles.PARTNER_MANAGER)
public class PartnerLinksView extends VerticalLayout {

    public PartnerLinksView(LinkService links) {
        setId("partner-links");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader("Links", "Households' links to your vendors' accounts"));
        addAndExpand(new LinksPanel(links));
    }
}
