package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where login lands: sends each person to their realm's home screen. */
@Route("home")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    public HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String home = currentUser.get().map(user -> switch (user.realm()) {
            case INSURED -> "insured";
            case CLERKS -> "clerk/inbox";
            case PROVINCIAL -> "provincial";
        }).orElse("");
        event.forwardTo(home);
    }
}
