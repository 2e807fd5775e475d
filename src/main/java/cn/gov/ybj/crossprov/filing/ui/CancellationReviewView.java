package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Cancellation;
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

/** 取消备案审核: the request, the filing (FilingPanel) and the decision form from {@code forms/filing-cancellation-review.form}. */
@Route(value = "clerk/cancellation-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class CancellationReviewView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String FORM_ID = "filing-cancellation-review";

    private final WizardServices services;
    private final Span error = new Span();
    private CamundaFormRenderer form;
    private String taskId;

    public CancellationReviewView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("cancel.review.title"));
        title.setId("view-title");
        add(title);
        AppUser clerk = services.currentUser().require();
        taskId = event.getRouteParameters().get("taskId").orElse(null);
        Optional<Cancellation> request = taskId == null ? Optional.empty()
                : services.filings().cancellationForReviewTask(clerk, taskId);
        Optional<Filing> filing = request.flatMap(c -> services.filings().find(clerk, c.filingId()));
        if (filing.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.notFound"));
            none.setId("not-found");
            add(none);
            return;
        }
        Cancellation c = request.get();
        FormLayout summary = new FormLayout();
        summary.setId("cancellation-request");
        Span at = new Span(FilingWizard.TIME.format(c.requestedAt()));
        at.setId("cancellation-requested-at");
        summary.addFormItem(at, getTranslation("cancel.col.at"));
        summary.addFormItem(new Span(Errors.english(this) ? c.channel().labelEn() : c.channel().label()),
                getTranslation("cancel.col.channel"));
        summary.addFormItem(new Span(c.requestedBy()), getTranslation("detail.history.actor"));
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
        add(new H3(getTranslation("cancel.review.request")), summary, new FilingPanel(services, clerk, filing.get()),
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
            Cancellation result = "REFUSE".equals(values.get("decision"))
                    ? services.filings().refuseCancellation(clerk, taskId, (String) values.get("reason"))
                    : services.filings().approveCancellation(clerk, taskId);
            String serial = services.filings().find(clerk, result.filingId()).map(Filing::applicationSerial).orElse("");
            Errors.success(getTranslation("review.done", serial, getTranslation("cancel.status." + result.status().name())));
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
        return getTranslation("cancel.review.title");
    }
}
