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

/** Every account link on the platform, searchable; a row opens the link with its devices and epochs. */
@Route("admin/links")
@Menu(title = "Links", order = 2, icon = "vaadin:link")
@RolesAllowed(Roles.ADMIN)
public class AdminLinksView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("link.list.title") + " · Bridgekeeper";
    }

    public AdminLinksView(LinkService links) {
        setId("admin-links");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader(t("link.list.title"), t("link.admin.subtitle")));
        addAndExpand(new LinksPanel(links));
    }
}
