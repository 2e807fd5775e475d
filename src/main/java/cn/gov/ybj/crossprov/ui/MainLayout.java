package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Frame of every signed-in screen: title, who is logged in and their unit, language, logout. */
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, DivisionNames divisions, AuthenticationContext authentication) {
        AppUser user = currentUser.require();

        H1 title = new H1(getTranslation("app.title"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);

        Span who = new Span(user.displayName() + " · " + unitLabel(user, divisions));
        who.setId("current-user");
        who.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);

        Button language = new Button(getTranslation("layout.language"), e -> LanguageSupport.toggle(UI.getCurrent()));
        language.setId("language-switch");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button(getTranslation("layout.logout"), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, language, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(who);
        header.setWidthFull();
        header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
        addToNavbar(header);
        addToDrawer(navigation(user));
    }

    private SideNav navigation(AppUser user) {
        SideNav nav = new SideNav();
        switch (user.realm()) {
            case INSURED -> {
                nav.addItem(new SideNavItem(getTranslation("nav.filings"), "insured"));
                nav.addItem(new SideNavItem(getTranslation("nav.filing.new"), "insured/filing/new"));
                nav.addItem(new SideNavItem(getTranslation("nav.progress"), "insured/progress"));
                nav.addItem(new SideNavItem(getTranslation("nav.insured.record"), "insured/record"));
                nav.addItem(new SideNavItem(getTranslation("nav.insured.family"), "insured/family"));
                nav.addItem(new SideNavItem(getTranslation("nav.binding"), "insured/binding"));
            }
            case CLERKS -> {
                nav.addItem(new SideNavItem(getTranslation("nav.inbox"), "clerk/inbox"));
                if (user.hasRole(Roles.COUNTER)) {
                    nav.addItem(new SideNavItem(getTranslation("nav.counter"), "clerk/counter-filing"));
                    nav.addItem(new SideNavItem(getTranslation("nav.counter.binding"), "clerk/binding"));
                }
                if (user.hasRole(Roles.PROCESS_ADMIN)) {
                    nav.addItem(new SideNavItem(getTranslation("nav.admin.areas"), "admin/pooling-areas"));
                    nav.addItem(new SideNavItem(getTranslation("nav.admin.import"), "admin/institutions/import"));
                    // the webapps are not Vaadin routes: a plain link
                    Anchor cockpit = new Anchor("camunda/app/cockpit/", getTranslation("nav.cockpit"));
                    cockpit.getElement().setAttribute("router-ignore", true);
                    nav.getElement().appendChild(cockpit.getElement());
                }
            }
            case PROVINCIAL -> nav.addItem(new SideNavItem(getTranslation("nav.clearing"), "provincial"));
        }
        return nav;
    }

    private String unitLabel(AppUser user, DivisionNames divisions) {
        if (user.realm() == Realm.INSURED) {
            return getTranslation("layout.insured");
        }
        if (user.isNationalCentre()) {
            return getTranslation("layout.national");
        }
        if (user.unitCode() == null) {
            return getTranslation("layout.unit") + " —";
        }
        return divisions.name(user.unitCode()).orElse("") + " (" + user.unitCode() + ")";
    }
}
