package cn.gov.ybj.crossprov.clearing.ui;

import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 清算与预付金: home screen of provincial and national officers. */
@Route(value = "provincial", layout = MainLayout.class)
@Menu(title = "nav.clearing", order = 300)
@RolesAllowed(Roles.OFFICER)
public class ClearingHomeView extends VerticalLayout implements HasDynamicTitle {

    public ClearingHomeView() {
        H2 title = new H2(getTranslation("clearing.title"));
        title.setId("view-title");
        add(title,
                new H3(getTranslation("clearing.monthly")), new Paragraph(getTranslation("clearing.empty")),
                new H3(getTranslation("clearing.prepayment")), new Paragraph(getTranslation("clearing.empty")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clearing.title");
    }
}
