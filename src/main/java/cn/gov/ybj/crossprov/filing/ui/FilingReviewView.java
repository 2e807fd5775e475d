package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;
import java.util.Optional;

/** 备案审核: the filing, its materials and history, and the decision form from {@code forms/filing-review.form}. */
@Route(value = "clerk/filing-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class FilingReviewView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String FORM_ID = "filing-review";

    private final WizardServices services;
    private final Span error = new Span();
    private CamundaFormRenderer form;
    private String taskId;

    public FilingReviewView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("review.title"));
        title.setId("view-title");
        add(title);
        AppUser clerk = services.currentUser().require();
        taskId = event.getRouteParameters().get("taskId").orElse(null);
        Optional<Filing> filing = taskId == null ? Optional.empty() : services.filings().forReviewTask(clerk, taskId);
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
        add(new FilingPanel(services, clerk, filing.get()), new H3(getTranslation("review.decision")), error, form,
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(back, submit));
    }

    void decide(AppUser clerk) {
        Errors.clear(error);
        if (!form.validate().isEmpty()) {
            Errors.showText(error, getTranslation("review.invalid"));
            return;
        }
        Map<String, Object> values = form.values();
        try {
            Filing result;
            if ("RETURN".equals(values.get("decision"))) {
                result = services.filings().returnForCorrection(clerk, taskId, (String) values.get("returnReason"));
            } else {
                result = services.filings().approve(clerk, taskId);
            }
            Errors.success(getTranslation("review.done", result.applicationSerial(), result.statusLabel()));
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
        return getTranslation("review.title");
    }
}
