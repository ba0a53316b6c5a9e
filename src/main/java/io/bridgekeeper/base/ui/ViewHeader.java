package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** The title line of a view, with an optional subtitle and actions on the right. */
public class ViewHeader extends Div {

    private final Div titleLine = new Div();

    public ViewHeader(String title, String subtitle, Component... actions) {
        addClassName("view-header");
        H1 h1 = new H1(title);
        h1.setId("view-title");
        titleLine.add(h1);
        titleLine.addClassName("view-title-line");
        Div text = new Div(titleLine);
        text.addClassName("view-header-text");
        if (subtitle != null) {
            Paragraph p = new Paragraph(subtitle);
            p.addClassName("view-subtitle");
            text.add(p);
        }
        Div actionBar = new Div(actions);
        actionBar.addClassName("view-actions");
        add(text, actionBar);
    }

    /** A state badge shown right after the title. */
    public ViewHeader withBadge(Component badge) {
        titleLine.add(badge);
        return this;
    }
}
