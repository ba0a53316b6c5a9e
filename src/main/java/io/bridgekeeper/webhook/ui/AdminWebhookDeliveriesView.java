package io.bridgekeeper.webhook.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.ui.LiveUpdates;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.security.Roles;
import io.bridgekeeper.webhook.WebhookDeliveryService;
import jakarta.annotation.security.RolesAllowed;

/** Every vendor's webhook deliveries, for admins: dead letters stand out and can be redelivered. */
@Route("admin/webhooks")
@PageTitle("Webhook deliveries · Bridgekeeper")
@Menu(title = "Webhook deliveries", order = 7, icon = "vaadin:paperplane")
@RolesAllowed(Roles.ADMIN)
public class AdminWebhookDeliveriesView extends VerticalLayout {

    public AdminWebhookDeliveriesView(WebhookDeliveryService deliveries, LiveUpdates liveUpdates) {
        setId("admin-webhooks");
        addClassName("page");
        setSizeFull();
        add(new ViewHeader("Webhook deliveries", "DISCONNECT, SUSPENDED and RESUMED notices to vendors, in order per vendor, "
                + "retried with backoff until acknowledged or dead-lettered"));
        DeliveriesPanel panel = new DeliveriesPanel(deliveries);
        addAndExpand(panel);
        // attempts, acknowledgements and dead letters as the dispatcher records them
        liveUpdates.follow(this, c -> c.in("webhook_delivery"), panel::refresh);
    }
}
