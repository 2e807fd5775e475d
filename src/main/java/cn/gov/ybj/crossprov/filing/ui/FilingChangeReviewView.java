package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.change.FilingChangeRecord;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 备案信息变更审核 (003 第九条): old → new values, the filing and {@code forms/filing-change-review.form}. */
@Route(value = "clerk/change-review/:taskId", layout = MainLayout.class)
@RolesAllowed(Roles.CLERK)
public class FilingChangeReviewView extends ReviewView<FilingChangeRecord> {

    public FilingChangeReviewView(WizardServices services) {
        super(services, "change.review.title", "filing-change-review");
    }

    @Override
    Optional<FilingChangeRecord> subject(AppUser clerk, String taskId) {
        return services.changes().forReviewTask(clerk, taskId);
    }

    @Override
    List<Component> describe(AppUser clerk, FilingChangeRecord change) {
        Grid<FilingChangeRecord.FieldChange> diff = new Grid<>();
        diff.setId("change-diff");
        diff.addColumn(FilingChangeRecord.FieldChange::labelZh).setHeader(getTranslation("change.review.field")).setAutoWidth(true);
        diff.addColumn(c -> c.before() == null ? "—" : c.before()).setHeader(getTranslation("change.review.before")).setAutoWidth(true);
        diff.addColumn(c -> c.after() == null ? "—" : c.after()).setHeader(getTranslation("change.review.after")).setAutoWidth(true);
        diff.addThemeVariants(GridVariant.LUMO_COMPACT);
        diff.setAllRowsVisible(true);
        diff.setItems(change.changes());
        List<Component> shown = new ArrayList<>(List.of(new H3(getTranslation("change.review.what")), diff));
        shown.addAll(filing(clerk, change.filingId(), "change.review.filing"));
        return shown;
    }

    @Override
    String decide(AppUser clerk, String taskId, Map<String, Object> values) {
        FilingChangeRecord result = "REFUSE".equals(values.get("decision"))
                ? services.changes().refuse(clerk, taskId, (String) values.get("refuseReason"))
                : services.changes().approve(clerk, taskId);
        return getTranslation("change.review.done", getTranslation("change.status." + result.status().name()));
    }
}
