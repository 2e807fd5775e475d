package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.supplement.Supplement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 补充材料审核: the supplement's files (viewable inline), the filing and {@code forms/supplement-review.form}. */
@Route(value = "clerk/supplement-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class SupplementReviewView extends ReviewView<Supplement> {

    public SupplementReviewView(WizardServices services) {
        super(services, "supplement.review.title", "supplement-review");
    }

    @Override
    Optional<Supplement> subject(AppUser clerk, String taskId) {
        return services.supplements().forReviewTask(clerk, taskId);
    }

    @Override
    List<Component> describe(AppUser clerk, Supplement s) {
        var files = SupplementSection.files(services, clerk, s.filingId(), s.materials());
        files.setId("review-supplement-files");
        List<Component> shown = new ArrayList<>(List.of(new H3(getTranslation("supplement.review.files")), files));
        shown.addAll(filing(clerk, s.filingId(), "detail.title"));
        return shown;
    }

    @Override
    String decide(AppUser clerk, String taskId, Map<String, Object> values) {
        Supplement result = "RETURN".equals(values.get("decision"))
                ? services.supplements().returnForCorrection(clerk, taskId, (String) values.get("returnReason"))
                : services.supplements().approve(clerk, taskId);
        return getTranslation("supplement.review.done", Errors.english(this) ? result.status().labelEn() : result.status().label());
    }
}
