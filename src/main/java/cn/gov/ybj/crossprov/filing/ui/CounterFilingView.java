package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 窗口备案: a clerk files for a walk-in person insured in the clerk's area (channel 地方平台). */
@Route(value = "clerk/counter-filing", layout = MainLayout.class)
@com.vaadin.flow.router.Menu(title = "nav.counter", order = 210)
@RolesAllowed(Roles.COUNTER)
public class CounterFilingView extends FilingWizard implements HasDynamicTitle {

    public CounterFilingView(WizardServices services) {
        super(services, Mode.COUNTER);
        H2 title = new H2(getTranslation("counter.title"));
        title.setId("view-title");
        addComponentAsFirst(title);
    }

    @Override
    Filing send(FilingApplication application) {
        return services.filings().submit(actor, application, idempotencyKey);
    }

    @Override
    String recordsRoute(Filing f) {
        return "clerk/filing/" + f.id();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("counter.title");
    }
}
