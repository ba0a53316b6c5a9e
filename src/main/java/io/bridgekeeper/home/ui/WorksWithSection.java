package io.bridgekeeper.home.ui;

import static io.bridgekeeper.base.ui.Words.t;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.compatibility.CertificationStatus;
import io.bridgekeeper.compatibility.WorksWith;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "Works with" on a household's device page: each platform surface its model is certified for, with what it does
 * there; a surface whose certification was revoked says, in plain words, that the device is not shown there until
 * it is certified again, and why.
 */
class WorksWithSection extends Div {

    public WorksWithSection(List<WorksWith> surfaces) {
        setId("works-with");
        H2 title = new H2(t("compatibility.works-with.title"));
        title.addClassName("section-title");
        add(title);
        UnorderedList list = new UnorderedList();
        list.addClassName("works-with-list");
        for (WorksWith w : surfaces) {
            String what = w.capabilities().stream().sorted().map(Words::label).collect(Collectors.joining(", "));
            ListItem item = new ListItem();
            item.setId("works-with-" + w.surfaceCode());
            Span name = new Span(surfaceName(w.surfaceCode(), w.surfaceName()));
            name.addClassName("works-with-surface");
            Span caps = new Span(what);
            caps.addClassName("muted");
            boolean revoked = w.status() == CertificationStatus.REVOKED;
            item.add(name, new Badge(Words.label(w.status()), revoked ? "error" : "success"), caps);
            if (revoked) {
                Paragraph notice = new Paragraph(t("compatibility.works-with.revoked",
                        surfaceName(w.surfaceCode(), w.surfaceName()), w.revokedReason()));
                notice.addClassName("suspension-notice");
                notice.setId("not-certified-notice-" + w.surfaceCode());
                item.add(notice);
            }
            list.add(item);
        }
        if (surfaces.isEmpty()) {
            add(new Paragraph(t("compatibility.works-with.none")));
        } else {
            add(new Paragraph(t("compatibility.works-with.intro")), list);
        }
    }

    /** A surface's name in the page's language (the platform's own name when the bundles have none). */
    private static String surfaceName(String code, String name) {
        return Words.tOr("compatibility.surface." + code, name);
    }
}
