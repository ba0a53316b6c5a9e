package io.bridgekeeper.link.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** The links of the partner manager's own vendors. */
@Route("partner/links")
@Menu(title = "Links", order = 11, icon = "vaadin:link")
@RolesAllowed(Roles.PARTNER_MANAGER)
public class PartnerLinksView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("link.list.title") + " · Bridgekeeper";
    }

    public PartnerLinksView(LinkService links) {
        setId("partner-links");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader(t("link.list.title"), t("link.partner.subtitle")));
        addAndExpand(new LinksPanel(links));
    }
}
