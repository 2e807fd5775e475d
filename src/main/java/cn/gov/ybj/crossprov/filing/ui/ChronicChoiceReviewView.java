package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.ChronicChoice;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.workflow.ui.CamundaFormRenderer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
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

/** 审核门诊慢特病医疗机构选择: the filing, the choice and the decision form from {@code forms/chronic-choice-review.form}. */
@Route(value = "clerk/chronic-choice-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class ChronicChoiceReviewView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String FORM_ID = "chronic-choice-review";

    private final WizardServices services;
    private final Span error = new Span();
    private CamundaFormRenderer form;
    private String taskId;

    public ChronicChoiceReviewView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("chronic.review.title"));
        title.setId("view-title");
        add(title);
        AppUser clerk = services.currentUser().require();
        taskId = event.getRouteParameters().get("taskId").orElse(null);
        Optional<ChronicChoice> choice = taskId == null ? Optional.empty()
                : services.filings().chronicChoiceForReviewTask(clerk, taskId);
        Optional<Filing> filing = choice.flatMap(c -> services.filings().find(clerk, c.filingId()));
        if (choice.isEmpty() || filing.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.notFound"));
            none.setId("not-found");
            add(none);
            return;
        }
        ChronicChoice c = choice.get();
        FormLayout fields = new FormLayout();
        fields.setId("choice-fields");
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        fields.addFormItem(span("choice-serial", c.serial()), getTranslation("chronic.serial"));
        fields.addFormItem(span("choice-disease", c.diseaseName() + "（" + c.diseaseCode() + "）"), getTranslation("chronic.disease"));
        fields.addFormItem(span("choice-institution-code", c.institutionCode()), getTranslation("chronic.institutionCode"));
        fields.addFormItem(span("choice-institution-name", c.institutionName()), getTranslation("chronic.institutionName"));
        fields.addFormItem(span("choice-submitted-at", ChronicChoiceView.TIME.format(c.submittedAt())), getTranslation("chronic.submittedAt"));
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
        add(new H3(getTranslation("chronic.review.choice")), fields, new H3(getTranslation("chronic.review.filing")),
                new FilingPanel(services, clerk, filing.get()), new H3(getTranslation("review.decision")), error, form,
                new HorizontalLayout(back, submit));
    }

    void decide(AppUser clerk) {
        Errors.clear(error);
        if (!form.validate().isEmpty()) {
            Errors.showText(error, getTranslation("review.invalid"));
            return;
        }
        Map<String, Object> values = form.values();
        try {
            ChronicChoice result = "REFUSE".equals(values.get("decision"))
                    ? services.filings().refuseChronicChoice(clerk, taskId, (String) values.get("refuseReason"))
                    : services.filings().approveChronicChoice(clerk, taskId);
            Errors.success(getTranslation("chronic.review.done", result.serial(), getTranslation("chronic.status." + result.status().name())));
            getUI().ifPresent(ui -> ui.navigate("clerk/inbox"));
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    CamundaFormRenderer form() {
        return form;
    }

    private static Span span(String id, String text) {
        Span s = new Span(text);
        s.setId(id);
        return s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chronic.review.title");
    }
}
