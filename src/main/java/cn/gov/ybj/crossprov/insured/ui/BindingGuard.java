package cn.gov.ybj.crossprov.insured.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Every screen of the insured realm waits for 实名认证: an account that is not bound to its
 * person by a proof is sent to {@link BindingView} from any {@code insured/…} route.
 */
@Component
class BindingGuard implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final InsuredAccounts accounts;

    BindingGuard(CurrentUser currentUser, InsuredAccounts accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        if (!path.startsWith("insured") || event.getNavigationTarget() == BindingView.class) {
            return;
        }
        currentUser.get().filter(u -> u.realm() == Realm.INSURED)
                .filter(u -> accounts.boundIdNumber(u).isEmpty())
                .ifPresent(u -> event.rerouteTo(BindingView.class));
    }
}
