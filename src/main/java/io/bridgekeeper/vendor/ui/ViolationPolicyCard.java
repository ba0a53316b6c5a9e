package io.bridgekeeper.vendor.ui;

import static io.bridgekeeper.base.ui.Words.t;
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
        add(new H3(t("vendor.policy.title")));
        Paragraph about = new Paragraph(t("vendor.policy.about"));
        about.addClassName("muted");
        add(about);
        if (!admin) {
            add(ReachLine.of("policy-proven-suspends", t("vendor.policy.proven-suspends"), p.provenSuspends() ? t("base.yes") : t("base.no")),
                    ReachLine.of("policy-claimed-threshold", t("vendor.policy.threshold"), p.claimedThreshold()),
                    ReachLine.of("policy-claimed-window", t("vendor.policy.window"), p.claimedWindow().toMinutes()),
                    ReachLine.of("policy-claimed-suspends", t("vendor.policy.claims-suspend"), p.claimedMaySuspend() ? t("base.yes") : t("base.no")));
            return;
        }
        Checkbox provenSuspends = new Checkbox(t("vendor.policy.proven-switch"), p.provenSuspends());
        provenSuspends.setId("policy-proven-suspends");
        IntegerField threshold = new IntegerField(t("vendor.policy.threshold"));
        threshold.setId("policy-claimed-threshold");
        threshold.setMin(1);
        threshold.setMax(ViolationPolicy.MAX_THRESHOLD);
        threshold.setStepButtonsVisible(true);
        threshold.setValue(p.claimedThreshold());
        IntegerField window = new IntegerField(t("vendor.policy.window"));
        window.setId("policy-claimed-window");
        window.setMin((int) ViolationPolicy.MIN_WINDOW.toMinutes());
        window.setMax((int) ViolationPolicy.MAX_WINDOW.toMinutes());
        window.setValue((int) p.claimedWindow().toMinutes());
        Checkbox claimedMaySuspend = new Checkbox(t("vendor.policy.claims-switch"), p.claimedMaySuspend());
        claimedMaySuspend.setId("policy-claimed-suspends");
        Button save = new Button(t("vendor.policy.save"), e -> {
            threshold.setInvalid(false);
            window.setInvalid(false);
            IntegerField empty = threshold.getValue() == null ? threshold : window.getValue() == null ? window : null;
            if (empty != null) {
                empty.setInvalid(true);
                empty.setErrorMessage(t("vendor.policy.whole-number"));
                return;
            }
            if (Actions.run(() -> policies.update(vendorId, new ViolationPolicy(provenSuspends.getValue(),
                            threshold.getValue(), Duration.ofMinutes(window.getValue()), claimedMaySuspend.getValue())),
                    t("vendor.policy.saved"), Map.of("claimedThreshold", threshold, "claimedWindow", window))) {
                changed.run();
            }
        });
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(provenSuspends, threshold, window, claimedMaySuspend, save);
    }
}
