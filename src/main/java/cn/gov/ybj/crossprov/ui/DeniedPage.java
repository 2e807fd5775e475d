package cn.gov.ybj.crossprov.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The same answer for a screen of another realm or role and for one that does not exist,
 * so nobody learns which screens or records exist.
 */
abstract class DeniedPage extends VerticalLayout {

    DeniedPage() {
        H2 title = new H2(getTranslation("denied.title"));
        title.setId("access-denied");
        add(title, new Paragraph(getTranslation("denied.text")), new Anchor("home", getTranslation("denied.home")));
    }
}
