package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.Supplement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.workflow.ui.CamundaFormRenderer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;
import java.util.Optional;

/** 审核补充材料: the submitted files (opened inline), the filing, and the decision form {@code forms/supplement-review.form}. */
@Route(value = "clerk/supplement-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class SupplementReviewView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String FORM_ID = "supplement-review";

    private final WizardServices services;
    private final Span error = new Span();
    private CamundaFormRenderer form;
    private String taskId;

    public SupplementReviewView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("supplement.review.title"));
        title.setId("view-title");
        add(title);
        AppUser clerk = services.currentUser().require();
        taskId = event.getRouteParameters().get("taskId").orElse(null);
        Optional<Supplement> supplement = taskId == null ? Optional.empty()
                : services.filings().supplementForReviewTask(clerk, taskId);
        Optional<Filing> filing = supplement.flatMap(s -> services.filings().find(clerk, s.filingId()));
        if (filing.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.notFound"));
            none.setId("not-found");
            add(none);
            return;
        }
        error.setId("form-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);
        form = CamundaFormRenderer.load(FORM_ID);
        form.setId("decision-form");
        Button submit = new Button(getTranslation("review.submit"), e -> decide(clerk));
        submit.setId("review-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("review.back"), e -> getUI().ifPresent(ui -> ui.navigate("clerk/inbox")));
        back.setId("review-back");
        var files = SupplementSection.files(services, clerk, filing.get().id(), supplement.get().materials());
        files.setId("review-supplement-files");
        add(new H3(getTranslation("supplement.review.files")), files,
                new H3(getTranslation("detail.title")), new FilingPanel(services, clerk, filing.get()),
                new H3(getTranslation("review.decision")), error, form, new HorizontalLayout(back, submit));
    }

    void decide(AppUser clerk) {
        Errors.clear(error);
        if (!form.validate().isEmpty()) {
            Errors.showText(error, getTranslation("review.invalid"));
            return;
        }
        Map<String, Object> values = form.values();
        try {
            Supplement result = "RETURN".equals(values.get("decision"))
                    ? services.filings().returnSupplement(clerk, taskId, (String) values.get("returnReason"))
                    : services.filings().approveSupplement(clerk, taskId);
            Errors.success(getTranslation("supplement.review.done",
                    Errors.english(this) ? result.status().labelEn() : result.status().label()));
            getUI().ifPresent(ui -> ui.navigate("clerk/inbox"));
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    CamundaFormRenderer form() {
        return form;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("supplement.review.title");
    }
}
