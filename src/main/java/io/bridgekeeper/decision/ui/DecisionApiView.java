package io.bridgekeeper.decision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.bridgekeeper.base.cluster.NodeIdentity;
import io.bridgekeeper.base.ui.ViewHeader;
import io.bridgekeeper.decision.ServiceCredentialService;
import io.bridgekeeper.decision.SigningSecretService;
import io.bridgekeeper.security.Roles;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * The admin's side of the decision API: the data plane's service credentials, the cache-key signing
 * secrets, and what this node has decided since it started. Every change goes through the audited
 * services.
 */
@Route("admin/decision-api")
@PageTitle("Decision API · Bridgekeeper")
@Menu(title = "Decision API", order = 6, icon = "vaadin:key")
@RolesAllowed(Roles.ADMIN)
public class DecisionApiView extends VerticalLayout {

    public DecisionApiView(ServiceCredentialService credentials, SigningSecretService secrets, MeterRegistry meters,
                           NodeIdentity node, ApplicationContext context) {
        setId("decision-api-view");
        addClassName("page");
        ServiceCredentialsPanel credentialsPanel = new ServiceCredentialsPanel(credentials);
        SigningSecretsPanel secretsPanel = new SigningSecretsPanel(secrets);
        // the meters are registered when the context starts, so that is where the counts begin
        NodeDecisionsPanel decisionsPanel = new NodeDecisionsPanel(meters, node.id(),
                Instant.ofEpochMilli(context.getStartupDate()));
        // one refresh for the whole page: last use, another admin's changes and the counters all move
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> {
            credentialsPanel.refresh();
            secretsPanel.refresh();
            decisionsPanel.refresh();
        });
        refresh.setId("decision-api-refresh");
        add(new ViewHeader("Decision API", "How the data plane authenticates, how its cache keys are signed, and "
                        + "what this node has answered", refresh),
                credentialsPanel, secretsPanel, decisionsPanel);
    }
}
