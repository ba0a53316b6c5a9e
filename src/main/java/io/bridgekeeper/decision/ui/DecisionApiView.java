package io.bridgekeeper.decision.ui;

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
@Route("decision-api")
@PageTitle("Decision API · Bridgekeeper")
@Menu(title = "Decision API", order = 6, icon = "vaadin:key")
@RolesAllowed(Roles.ADMIN)
public class DecisionApiView extends VerticalLayout {

    public DecisionApiView(ServiceCredentialService credentials, SigningSecretService secrets, MeterRegistry meters,
                           NodeIdentity node, ApplicationContext context) {
        setId("decision-api-view");
        addClassName("page");
        add(new ViewHeader("Decision API", "How the platform's data plane authenticates to Bridgekeeper, how its "
                        + "cache keys are signed, and what this node has answered"),
                new ServiceCredentialsPanel(credentials),
                new SigningSecretsPanel(secrets),
                // the meters are registered when the context starts, so that is where the counts begin
                new NodeDecisionsPanel(meters, node.id(), Instant.ofEpochMilli(context.getStartupDate())));
    }
}
