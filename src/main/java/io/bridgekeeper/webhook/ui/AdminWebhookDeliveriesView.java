package io.bridgekeeper.webhook.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.webhook.WebhookDeliveryService;
import jakarta.annotation.security.RolesAllowed;

/** Every vendor's webhook deliveries, for admins: dead letters stand out and can be redelivered. */
@Route("admin/webhooks")
@Menu(title = "Webhook deliveries", order = 7, icon = "vaadin:paperplane")
@RolesAllowed(Roles.ADMIN)
public class AdminWebhookDeliveriesView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("webhook.list.title") + " · Bridgekeeper";
    }

    public AdminWebhookDeliveriesView(WebhookDeliveryService deliveries, LiveUpdates liveUpdates) {
        setId("admin-webhooks");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader(t("webhook.list.title"), t("webhook.admin.subtitle")));
        DeliveriesPanel panel = new DeliveriesPanel(deliveries);
        addAndExpand(panel);
        // attempts, acknowledgements and dead letters as the dispatcher records them
        liveUpdates.follow(this, c -> c.in("webhook_delivery"), panel::refresh);
    }
}
