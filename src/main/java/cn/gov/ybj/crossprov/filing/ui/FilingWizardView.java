package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 办理异地就医备案: an insured person files for themselves or a linked family member. */
@Route(value = "insured/filing/new", layout = MainLayout.class)
@com.vaadin.flow.router.Menu(title = "nav.filing.new", order = 110)
@RolesAllowed(Roles.INSURED)
public class FilingWizardView extends FilingWizard implements HasDynamicTitle {

    public FilingWizardView(WizardServices services) {
        super(services, Mode.SELF);
        H2 title = new H2(getTranslation("wizard.title"));
        title.setId("view-title");
        addComponentAsFirst(title);
    }

    @Override
    Filing send(FilingApplication application) {
        return services.filings().submit(actor, application, idempotencyKey);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wizard.title");
    }
}
