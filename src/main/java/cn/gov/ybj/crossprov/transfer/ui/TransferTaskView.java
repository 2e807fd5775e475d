package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.transfer.TransferProgress;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.workflow.Reviews;
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

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A clerk's transfer step (前台落地审核, 转出地审核, 办理转出, 办理接续): the case with its progress,
 * then the step's form from {@code forms/}. A task that is not the clerk's shows as not found.
 */
@Route(value = "clerk/transfer-task/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class TransferTaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** the form of each step, as the BPMN's camunda:formRef names it */
    static final Map<String, String> FORMS = Map.of(
            TransferCases.ACCEPT_TASK, "transfer-acceptance",
            TransferCases.OUT_REVIEW_TASK, "transfer-out-review",
            TransferCases.TRANSFER_OUT_TASK, "transfer-out",
            TransferCases.TRANSFER_IN_TASK, "transfer-in");

    private final AppUser clerk;
    private final TransferCases transfers;
    private final TransferProgress progress;
    private final TransferCasePanel panel;
    private final Span error = new Span();
    private String taskKey = "";

    public TransferTaskView(CurrentUser currentUser, TransferCases transfers, TransferProgress progress, TransferCasePanel panel) {
        this.clerk = currentUser.require();
        this.transfers = transfers;
        this.progress = progress;
        this.panel = panel;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String taskId = event.getRouteParameters().get("taskId").orElse("");
        Optional<TransferCases.TransferTask> task = transfers.forTask(clerk, taskId);
        taskKey = task.map(TransferCases.TransferTask::taskKey).orElse("");
        H2 title = new H2(getPageTitle());
        title.setId("view-title");
        add(title);
        if (task.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.notFound"));
            none.setId("not-found");
            add(none);
            return;
        }
        error.setId("form-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);
        CamundaFormRenderer form = CamundaFormRenderer.load(FORMS.get(taskKey));
        form.setId("decision-form");
        Button submit = new Button(getTranslation("review.submit"), e -> submit(taskId, form));
        submit.setId("review-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("review.back"), e -> getUI().ifPresent(ui -> ui.navigate("clerk/inbox")));
        back.setId("review-back");
        TransferCase c = task.get().transfer();
        progress.of(clerk, c.getId()).ifPresent(p -> add(panel.of(this, clerk, p)));
        add(new H3(getTranslation("review.decision")), error, form, new HorizontalLayout(back, submit));
    }

    private void submit(String taskId, CamundaFormRenderer form) {
        Errors.clear(error);
        if (!form.validate().isEmpty()) {
            Errors.showText(error, getTranslation("review.invalid"));
            return;
        }
        Map<String, Object> v = form.values();
        try {
            Reviews.Outcome outcome = "REFUSE".equals(v.get("decision")) ? Reviews.Outcome.REFUSE : Reviews.Outcome.APPROVE;
            TransferCase c = transfers.decide(clerk, taskId, new TransferCases.Decision(outcome, (String) v.get("refuseReason"),
                    Boolean.TRUE.equals(v.get("identityChecked")), Boolean.TRUE.equals(v.get("documentsChecked")),
                    v.get("balanceReceived") instanceof Number n ? TransferCases.receivedAmount(new BigDecimal(n.toString())) : null));
            Errors.success(getTranslation("transfer.task.done", String.valueOf(c.getSerialNo()),
                    Errors.english(this) ? c.getStatus().labelEn() : c.getStatus().label()));
            getUI().ifPresent(ui -> ui.navigate("clerk/inbox"));
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    @Override
    public String getPageTitle() {
        return taskKey.isEmpty() ? getTranslation("transfer.task.title") : getTranslation("task." + taskKey);
    }
}
