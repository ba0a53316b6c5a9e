package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** The title line of a view, with an optional subtitle and actions on the right. */
public class ViewHeader extends Div {

    public ViewHeader(String title, String subtitle, Component... actions) {
        addClassName("view-header");
        H1 h1 = new H1(title);
        h1.setId("view-title");
        Div text = new Div(h1);
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
}
