package io.bridgekeeper.decision.ui;

import static io.bridgekeeper.base.ui.Words.t;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
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
@Menu(title = "Decision API", order = 6, icon = "vaadin:key")
@RolesAllowed(Roles.ADMIN)
public class DecisionApiView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return t("decision.title") + " · Bridgekeeper";
    }

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
        Button refresh = new Button(t("decision.refresh"), VaadinIcon.REFRESH.create(), e -> {
            credentialsPanel.refresh();
            secretsPanel.refresh();
            decisionsPanel.refresh();
        });
        refresh.setId("decision-api-refresh");
        add(new ViewHeader(t("decision.title"), t("decision.subtitle"), refresh),
                credentialsPanel, secretsPanel, decisionsPanel);
    }
}
