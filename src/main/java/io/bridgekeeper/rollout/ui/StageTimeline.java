package io.bridgekeeper.rollout.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.bridgekeeper.base.ui.Formats;
import io.bridgekeeper.rollout.RolloutDetail;
import io.bridgekeeper.rollout.RolloutStage;
import io.bridgekeeper.rollout.RolloutState;

/** The stages left to right: done, the current one, the ones to come. */
class StageTimeline extends Div {

    StageTimeline(RolloutDetail r) {
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
                case "current" -> "since " + Formats.minute(s.startedAt());
                case "done" -> "done " + Formats.minute(s.completedAt());
                case "rolled-back" -> "rolled back";
                default -> "to come";
            });
            when.addClassName("stage-when");
            Div stage = new Div(percent, when);
            stage.setId("stage-" + s.index());
            stage.addClassNames("stage", "stage-" + status);
            add(stage);
        }
    }
}
