package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.chronic.ChronicChoice;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 门诊慢特病医疗机构选择审核: the choice, the filing and {@code forms/chronic-choice-review.form}. */
@Route(value = "clerk/chronic-choice-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class ChronicChoiceReviewView extends ReviewView<ChronicChoice> {

    public ChronicChoiceReviewView(WizardServices services) {
        super(services, "chronic.review.title", "chronic-choice-review");
    }

    @Override
    Optional<ChronicChoice> subject(AppUser clerk, String taskId) {
        return services.chronic().forReviewTask(clerk, taskId);
    }

    @Override
    List<Component> describe(AppUser clerk, ChronicChoice c) {
        FormLayout fields = new FormLayout();
        fields.setId("choice-fields");
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        fields.addFormItem(span("choice-serial", c.serial()), getTranslation("chronic.serial"));
        fields.addFormItem(span("choice-disease", getTranslation("common.withCode", c.diseaseName(), c.diseaseCode())), getTranslation("chronic.disease"));
        fields.addFormItem(span("choice-institution-code", c.institutionCode()), getTranslation("chronic.institutionCode"));
        fields.addFormItem(span("choice-institution-name", c.institutionName()), getTranslation("chronic.institutionName"));
        fields.addFormItem(span("choice-submitted-at", ChronicChoiceView.TIME.format(c.submittedAt())), getTranslation("chronic.submittedAt"));
        List<Component> shown = new ArrayList<>(List.of(new H3(getTranslation("chronic.review.choice")), fields));
        shown.addAll(filing(clerk, c.filingId(), "chronic.review.filing"));
        return shown;
    }

    @Override
    String decide(AppUser clerk, String taskId, Map<String, Object> values) {
        ChronicChoice result = "REFUSE".equals(values.get("decision"))
                ? services.chronic().refuse(clerk, taskId, (String) values.get("refuseReason"))
                : services.chronic().approve(clerk, taskId);
        return getTranslation("chronic.review.done", result.serial(), getTranslation("chronic.status." + result.status().name()));
    }

    private static Span span(String id, String text) {
        Span s = new Span(text);
        s.setId(id);
        return s;
    }
}
