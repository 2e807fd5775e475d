package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingChangeRecord;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.workflow.ui.CamundaFormRenderer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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

/** 信息变更审核: old → new values, the filing, and the decision form of {@code forms/filing-change-review.form}. */
@Route(value = "clerk/change-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class FilingChangeReviewView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String FORM_ID = "filing-change-review";

    private final WizardServices services;
    private final Span error = new Span();
    private CamundaFormRenderer form;
    private String taskId;

    public FilingChangeReviewView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("change.review.title"));
        title.setId("view-title");
        add(title);
        AppUser clerk = services.currentUser().require();
        taskId = event.getRouteParameters().get("taskId").orElse(null);
        Optional<FilingChangeRecord> change = taskId == null ? Optional.empty()
                : services.filings().changeForReviewTask(clerk, taskId);
        Optional<Filing> filing = change.flatMap(c -> services.filings().find(clerk, c.filingId()));
        if (filing.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.notFound"));
            none.setId("not-found");
            add(none);
            return;
        }
        Grid<FilingChangeRecord.FieldChange> diff = new Grid<>();
        diff.setId("change-diff");
        diff.addColumn(FilingChangeRecord.FieldChange::labelZh).setHeader(getTranslation("change.review.field")).setAutoWidth(true);
        diff.addColumn(c -> c.before() == null ? "—" : c.before()).setHeader(getTranslation("change.review.before")).setAutoWidth(true);
        diff.addColumn(c -> c.after() == null ? "—" : c.after()).setHeader(getTranslation("change.review.after")).setAutoWidth(true);
        diff.addThemeVariants(GridVariant.LUMO_COMPACT);
        diff.setAllRowsVisible(true);
        diff.setItems(change.get().changes());
        error.setId("form-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);
        form = CamundaFormRenderer.load(FORM_ID);
        form.setId("decision-form");
        Button submit = new Button(getTranslation("review.submit"), e -> decide(clerk));
        submit.setId("change-review-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("review.back"), e -> getUI().ifPresent(ui -> ui.navigate("clerk/inbox")));
        back.setId("change-review-back");
        add(new H3(getTranslation("change.review.what")), diff, new H3(getTranslation("review.decision")), error, form,
                new HorizontalLayout(back, submit), new H3(getTranslation("change.review.filing")),
                new FilingPanel(services, clerk, filing.get()));
    }

    void decide(AppUser clerk) {
        Errors.clear(error);
        if (!form.validate().isEmpty()) {
            Errors.showText(error, getTranslation("review.invalid"));
            return;
        }
        Map<String, Object> values = form.values();
        try {
            FilingChangeRecord result = "REFUSE".equals(values.get("decision"))
                    ? services.filings().refuseChange(clerk, taskId, (String) values.get("refuseReason"))
                    : services.filings().approveChange(clerk, taskId);
            Errors.success(getTranslation("change.review.done", getTranslation("change.status." + result.status().name())));
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
        return getTranslation("change.review.title");
    }
}
