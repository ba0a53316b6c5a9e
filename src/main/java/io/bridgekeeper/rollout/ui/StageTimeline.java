package io.bridgekeeper.rollout.ui;

import static io.bridgekeeper.base.ui.Words.t;
import io.bridgekeeper.canary.StageProbes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.rollout.RolloutDetail;
import io.bridgekeeper.rollout.RolloutStage;
import io.bridgekeeper.rollout.RolloutState;

/** The stages left to right: done, the current one, the ones to come; under each, its canaries' probes. */
class StageTimeline extends Div {

    StageTimeline(RolloutDetail r, List<StageProbes> canaries) {
        Map<Integer, StageProbes> probes = canaries.stream().collect(Collectors.toMap(StageProbes::percent, p -> p));
        setId("stage-timeline");
        addClassName("stage-timeline");
        for (RolloutStage s : r.stages()) {
            boolean current = r.state().isActive() && r.currentStage() != null && r.currentStage() == s.index();
            String status = current ? "current" : s.completedAt() != null
                    || r.state() == RolloutState.COMPLETED ? "done" : "pending";
            if (r.state() == RolloutState.ROLLED_BACK && s.startedAt() != null) {
                status = "rolled-back";
            }
            Span percent = new Span(s.percent() + " %");
            percent.addClassName("stage-percent");
            Span when = new Span(switch (status) {
                case "current" -> t("rollout.stage.since", Formats.minute(s.startedAt()));
                case "done" -> t("rollout.stage.done", Formats.minute(s.completedAt()));
                case "rolled-back" -> t("rollout.stage.rolled-back");
                default -> t("rollout.stage.to-come");
            });
            when.addClassName("stage-when");
            Div stage = new Div(percent, when);
            StageProbes p = probes.get(s.percent());
            if (p != null) {
                Span canary = new Span(t("rollout.stage.canaries", p.probes(), p.failures()));
                canary.addClassNames("stage-canaries", p.failures() > 0 ? "stage-canaries-failed" : "stage-canaries-ok");
                stage.add(canary);
            }
            stage.setId("stage-" + s.index());
            stage.addClassNames("stage", "stage-" + status);
            add(stage);
        }
    }
}
