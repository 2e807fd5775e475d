package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;

/** 查看详情: one filing for its owner, or for a clerk of its area; anything else is reported as absent. */
@Route(value = "insured/filing/:id([0-9a-fA-F-]{36})", layout = MainLayout.class)
@RouteAlias(value = "clerk/filing/:id([0-9a-fA-F-]{36})", layout = MainLayout.class)
@RolesAllowed({Roles.INSURED, Roles.CLERK})
public class FilingDetailView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final WizardServices services;

    public FilingDetailView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("detail.title"));
        title.setId("view-title");
        add(title);
        var actor = services.currentUser().require();
        FilingPages.filingOrNotFound(this, services, actor, event).ifPresent(f -> add(new FilingPanel(services, actor, f)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("detail.title");
    }
}
