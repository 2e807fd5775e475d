package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** 修改备案: the applicant corrects a returned filing and sends it back to review. */
@Route(value = "insured/filing/:id([0-9a-fA-F-]{36})/edit", layout = MainLayout.class)
@RolesAllowed(Roles.INSURED)
public class FilingResubmitView extends FilingWizard implements HasDynamicTitle, BeforeEnterObserver {

    private Filing returned;

    public FilingResubmitView(WizardServices services) {
        super(services, Mode.RESUBMIT);
        H2 title = new H2(getTranslation("resubmit.title"));
        title.setId("view-title");
        addComponentAsFirst(title);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Filing> found = event.getRouteParameters().get("id").flatMap(FilingPages::uuid)
                .flatMap(id -> services.filings().find(actor, id)).filter(Filing::mayResubmit);
        if (found.isEmpty()) {
            removeAll();
            Paragraph none = new Paragraph(getTranslation("detail.notFound"));
            none.setId("not-found");
            add(none);
            return;
        }
        returned = found.get();
        Paragraph reason = new Paragraph(getTranslation("common.labelled", getTranslation("resubmit.reason"), returned.statusReason() == null ? "" : returned.statusReason()));
        reason.setId("return-reason");
        reason.addClassNames(LumoUtility.TextColor.ERROR);
        addComponentAtIndex(1, reason);
        forWhom.setVisible(false);
        familyMember.setVisible(false);
        prefill(returned);
        showMaterialsOnFile(services.filings().materials(actor, returned.id()));
    }

    @Override
    UUID replacing() {
        return returned == null ? null : returned.id();
    }

    @Override
    Filing send(FilingApplication application) {
        // materials the person took off go only now, with the resubmission
        return services.filings().resubmit(actor, returned.id(), application, Set.copyOf(removedOnFile));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("resubmit.title");
    }
}
