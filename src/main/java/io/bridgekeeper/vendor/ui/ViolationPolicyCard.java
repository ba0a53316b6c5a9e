package io.bridgekeeper.vendor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import io.bridgekeeper.base.ui.Actions;
import io.bridgekeeper.base.ui.Cards;
import io.bridgekeeper.vendor.ViolationPolicy;
import io.bridgekeeper.vendor.ViolationPolicyService;
import java.time.Duration;
import java.util.Map;

/**
 * What the vendor's isolation violations set off, by grade of evidence: everyone who may see the
 * vendor reads it; only an admin changes it (the service refuses anyone else).
 */
class ViolationPolicyCard extends Card {

    ViolationPolicyCard(long vendorId, ViolationPolicy p, ViolationPolicyService policies, boolean admin, Runnable changed) {
        Cards.outline(this);
        addClassName("violation-policy-card");
        setId("violation-policy");
        add(new H3("Violation policy"));
        Paragraph about = new Paragraph("Proven evidence (a signed cache key of another household came with the content) "
                + "halts and rolls back the rollout at once. Claimed evidence (a request only names devices of two "
                + "households) opens an incident and acts only at the threshold.");
        about.addClassName("muted");
        add(about);
        if (!admin) {
            add(ReachLine.of("policy-proven-suspends", "Proven evidence suspends", p.provenSuspends() ? "Yes" : "No"),
                    ReachLine.of("policy-claimed-threshold", "Claims that act", p.claimedThreshold()),
                    ReachLine.of("policy-claimed-window", "Within (minutes)", p.claimedWindow().toMinutes()),
                    ReachLine.of("policy-claimed-suspends", "Claims may suspend", p.claimedMaySuspend() ? "Yes" : "No"));
            return;
        }
        Checkbox provenSuspends = new Checkbox("Proven evidence switches the vendor's cameras off", p.provenSuspends());
        provenSuspends.setId("policy-proven-suspends");
        IntegerField threshold = new IntegerField("Claims that act");
        threshold.setId("policy-claimed-threshold");
        threshold.setMin(1);
        threshold.setMax(ViolationPolicy.MAX_THRESHOLD);
        threshold.setStepButtonsVisible(true);
        threshold.setValue(p.claimedThreshold());
        IntegerField window = new IntegerField("Within (minutes)");
        window.setId("policy-claimed-window");
        window.setMin((int) ViolationPolicy.MIN_WINDOW.toMinutes());
        window.setMax((int) ViolationPolicy.MAX_WINDOW.toMinutes());
        window.setValue((int) p.claimedWindow().toMinutes());
        Checkbox claimedMaySuspend = new Checkbox("Claims at the threshold may switch its cameras off", p.claimedMaySuspend());
        claimedMaySuspend.setId("policy-claimed-suspends");
        Button save = new Button("Save policy", e -> {
            threshold.setInvalid(false);
            window.setInvalid(false);
            IntegerField empty = threshold.getValue() == null ? threshold : window.getValue() == null ? window : null;
            if (empty != null) {
                empty.setInvalid(true);
                empty.setErrorMessage("Give a whole number.");
                return;
            }
            if (Actions.run(() -> policies.update(vendorId, new ViolationPolicy(provenSuspends.getValue(),
                            threshold.getValue(), Duration.ofMinutes(window.getValue()), claimedMaySuspend.getValue())),
                    "Violation policy saved.", Map.of("claimedThreshold", threshold, "claimedWindow", window))) {
                changed.run();
            }
        });
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(provenSuspends, threshold, window, claimedMaySuspend, save);
    }
}
