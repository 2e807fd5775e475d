package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.springframework.beans.factory.ObjectProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Frame of every signed-in screen: title, who is logged in and their unit, language, logout, and
 * the menu the modules contribute ({@code @Menu} on their screens, {@link MenuLinks} beans).
 */
@StyleSheet("context://styles/crossprov.css")
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    public MainLayout(CurrentUser currentUser, DivisionNames divisions, AuthenticationContext authentication,
                      ObjectProvider<MenuLinks> menuLinks) {
        AppUser user = currentUser.require();

        H1 title = new H1(getTranslation("app.title"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE, "app-title");
        title.setId("app-title");
        // the whole title stays readable where the header cuts it with …
        title.setTitle(getTranslation("app.title"));

        Span who = new Span(user.displayName() + " · " + unitLabel(user, divisions));
        who.setId("current-user");
        who.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, "app-user");

        Button language = new Button(getTranslation("layout.language"), e -> LanguageSupport.toggle(UI.getCurrent()));
        language.setId("language-switch");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button(getTranslation("layout.logout"), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        DrawerToggle menu = new DrawerToggle();
        menu.setId("menu-toggle");
        menu.setAriaLabel(getTranslation("layout.menu"));
        HorizontalLayout header = new HorizontalLayout(menu, title, who, language, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(who);
        header.setWidthFull();
        header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM, "app-header");
        header.getElement().setAttribute("role", "banner");
        addToNavbar(header);
        // on a phone the header has no room for the person: the drawer names them (crossprov.css)
        Span drawerWho = new Span(who.getText());
        drawerWho.setId("drawer-user");
        drawerWho.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Padding.MEDIUM, "drawer-user");
        addToDrawer(drawerWho, navigation(user, menuLinks.orderedStream().toList()));
    }

    /** Vaadin's components of the screen speak the UI's language too. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (getContent() != null) {
            // landmarks for screen readers: the screen is the page's main region (axe: landmark-one-main, region)
            getContent().getElement().setAttribute("role", "main");
            ComponentLanguage.apply(getContent());
        }
    }

    /**
     * The screens this user may open that carry Vaadin's {@code @Menu} (Vaadin leaves out those
     * their {@code @RolesAllowed} refuses; each realm has its own role, see {@code Realm.role()}),
     * and the non-route links of {@link MenuLinks} beans, sorted by order. Titles are translation
     * keys. Orders: 100s insured persons' screens, 200s clerks', 300s provincial officers'.
     */
    private SideNav navigation(AppUser user, List<MenuLinks> menuLinks) {
        record Entry(double order, SideNavItem item) {
        }
        List<Entry> entries = new ArrayList<>();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            entries.add(new Entry(entry.order() == null ? Double.MAX_VALUE : entry.order(),
                    new SideNavItem(translate(entry.title()), path)));
        }
        for (MenuLinks links : menuLinks) {
            for (MenuLinks.Link link : links.linksFor(user)) {
                // not a Vaadin route: the browser loads it
                SideNavItem item = new SideNavItem(translate(link.titleKey()), link.href());
                item.setRouterIgnore(true);
                entries.add(new Entry(link.order(), item));
            }
        }
        SideNav nav = new SideNav();
        nav.setId("nav");
        entries.stream().sorted(Comparator.comparingDouble(Entry::order)).forEach(e -> nav.addItem(e.item()));
        return nav;
    }

    private String translate(String key) {
        String text = getTranslation(key);
        return text.startsWith("!") ? key : text;
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
