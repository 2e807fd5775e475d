package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.transfer.TransferProgress;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;
import java.util.UUID;

/**
 * One transfer case ({@link TransferCasePanel}). Anybody but the person, the two areas' clerks and process admins gets 「未找到」, as for an unknown id.
 */
@Route(value = "transfers/:id", layout = MainLayout.class)
@RolesAllowed({Roles.INSURED, Roles.CLERK})
public class TransferCaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AppUser user;
    private final TransferProgress progress;
    private final TransferCasePanel panel;

    public TransferCaseView(CurrentUser currentUser, TransferProgress progress, TransferCasePanel panel) {
        this.user = currentUser.require();
        this.progress = progress;
        this.panel = panel;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("transfer.case.title"));
        title.setId("view-title");
        add(title);
        Optional<TransferProgress.Progress> found = event.getRouteParameters().get("id").flatMap(TransferCaseView::uuid)
                .flatMap(id -> progress.of(user, id));
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("transfer.case.notFound"));
            none.setId("not-found");
            add(none);
            return;
        }
        add(panel.of(this, user, found.get()));
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("transfer.case.title");
    }
}
