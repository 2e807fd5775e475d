package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 备案审核: the filing, its materials and history, and the decision form from {@code forms/filing-review.form}. */
@Route(value = "clerk/filing-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class FilingReviewView extends ReviewView<Filing> {

    public FilingReviewView(WizardServices services) {
        super(services, "review.title", "filing-review");
    }

    @Override
    Optional<Filing> subject(AppUser clerk, String taskId) {
        return services.filings().forReviewTask(clerk, taskId);
    }

    @Override
    List<Component> describe(AppUser clerk, Filing filing) {
        return List.of(new FilingPanel(services, clerk, filing));
    }

    @Override
    String decide(AppUser clerk, String taskId, Map<String, Object> values) {
        Filing result = "RETURN".equals(values.get("decision"))
                ? services.filings().returnForCorrection(clerk, taskId, (String) values.get("returnReason"))
                : services.filings().approve(clerk, taskId);
        return getTranslation("review.done", result.applicationSerial(), result.statusLabel(Errors.english(this)));
    }
}
