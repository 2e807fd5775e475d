package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.cancellation.Cancellation;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.Errors;
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

/** 取消备案审核: the request, the filing and the decision form from {@code forms/filing-cancellation-review.form}. */
@Route(value = "clerk/cancellation-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class CancellationReviewView extends ReviewView<Cancellation> {

    public CancellationReviewView(WizardServices services) {
        super(services, "cancel.review.title", "filing-cancellation-review");
    }

    @Override
    Optional<Cancellation> subject(AppUser clerk, String taskId) {
        return services.cancellations().forReviewTask(clerk, taskId);
    }

    @Override
    List<Component> describe(AppUser clerk, Cancellation c) {
        FormLayout summary = new FormLayout();
        summary.setId("cancellation-request");
        Span at = new Span(FilingWizard.TIME.format(c.requestedAt()));
        at.setId("cancellation-requested-at");
        summary.addFormItem(at, getTranslation("cancel.col.at"));
        summary.addFormItem(new Span(Errors.english(this) ? c.channel().labelEn() : c.channel().label()),
                getTranslation("cancel.col.channel"));
        summary.addFormItem(new Span(services.names().name(c.requestedBy())), getTranslation("detail.history.actor"));
        List<Component> shown = new ArrayList<>(List.of(new H3(getTranslation("cancel.review.request")), summary));
        shown.addAll(filing(clerk, c.filingId(), "detail.title"));
        return shown;
    }

    @Override
    String decide(AppUser clerk, String taskId, Map<String, Object> values) {
        Cancellation result = "REFUSE".equals(values.get("decision"))
                ? services.cancellations().refuse(clerk, taskId, (String) values.get("refuseReason"))
                : services.cancellations().approve(clerk, taskId);
        return getTranslation("review.done", serial(clerk, result.filingId()), getTranslation("cancel.status." + result.status().name()));
    }
}
