package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.workflow.ui.CamundaFormRenderer;
import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.theme.lumo.LumoUtility;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A clerk's review screen: what the task is about, then the decision form from {@code forms/}
 * (the same file Camunda Tasklist would use). A task the clerk may not work on (unknown, done, or
 * of another area) shows as not found. Subclasses say what the task is about and how to decide.
 *
 * @param <T> what is under review (a filing, or a request on one)
 */
abstract class ReviewView<T> extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    protected final WizardServices services;
    private final String titleKey;
    private final String formId;
    private final Span error = new Span();
    private CamundaFormRenderer form;
    private String taskId;

    ReviewView(WizardServices services, String titleKey, String formId) {
        this.services = services;
        this.titleKey = titleKey;
        this.formId = formId;
    }

    /** The task's subject, if the clerk may work on the task. */
    abstract Optional<T> subject(AppUser clerk, String taskId);

    /** What the clerk reviews, shown above the decision form. */
    abstract List<Component> describe(AppUser clerk, T subject);

    /**
     * Carries out the form's decision.
     *
     * @return what came of it, for the notification
     * @throws BusinessRuleException when a rule refuses it (shown on the form; nothing changed)
     */
    abstract String decide(AppUser clerk, String taskId, Map<String, Object> values);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation(titleKey));
        title.setId("view-title");
        add(title);
        AppUser clerk = services.currentUser().require();
        taskId = event.getRouteParameters().get("taskId").orElse(null);
        Optional<T> subject = taskId == null ? Optional.empty() : subject(clerk, taskId);
        if (subject.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.notFound"));
            none.setId("not-found");
            add(none);
            return;
        }
        error.setId("form-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);
        form = CamundaFormRenderer.load(formId);
        form.setId("decision-form");
        Button submit = new Button(getTranslation("review.submit"), e -> submit(clerk));
        submit.setId("review-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("review.back"), e -> getUI().ifPresent(ui -> ui.navigate("clerk/inbox")));
        back.setId("review-back");
        describe(clerk, subject.get()).forEach(this::add);
        add(new H3(getTranslation("review.decision")), error, form, new HorizontalLayout(back, submit));
    }

    void submit(AppUser clerk) {
        Errors.clear(error);
        if (!form.validate().isEmpty()) {
            Errors.showText(error, getTranslation("review.invalid"));
            return;
        }
        try {
            Errors.success(decide(clerk, taskId, form.values()));
            getUI().ifPresent(ui -> ui.navigate("clerk/inbox"));
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    /** The filing a request is about, as the review shows it. */
    List<Component> filing(AppUser clerk, UUID filingId, String headingKey) {
        return services.filings().find(clerk, filingId)
                .<List<Component>>map(f -> List.of(new H3(getTranslation(headingKey)), new FilingPanel(services, clerk, f)))
                .orElse(List.of());
    }

    String serial(AppUser clerk, UUID filingId) {
        return services.filings().find(clerk, filingId).map(Filing::applicationSerial).orElse("");
    }

    CamundaFormRenderer form() {
        return form;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
