package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The public start page: one login entry per Keycloak realm. */
@Route("")
@AnonymousAllowed
public class StartView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentUser currentUser;

    public StartView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        setAlignItems(Alignment.CENTER);
        setPadding(true);

        Button language = new Button(getTranslation("layout.language"), e -> LanguageSupport.toggle(UI.getCurrent()));
        language.setId("language-switch");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        H1 title = new H1(getTranslation("app.title"));
        Paragraph subtitle = new Paragraph(getTranslation("app.subtitle"));
        subtitle.addClassNames(LumoUtility.TextColor.SECONDARY);
        H2 choose = new H2(getTranslation("start.choose"));
        choose.addClassNames(LumoUtility.FontSize.LARGE);

        Div entries = new Div(
                entry("login-insured", "insured", "start.insured", "start.insured.hint"),
                entry("login-clerks", "clerks", "start.clerks", "start.clerks.hint"),
                entry("login-provincial", "provincial", "start.provincial", "start.provincial.hint"));
        entries.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE,
                LumoUtility.JustifyContent.CENTER);

        Paragraph register = new Paragraph(getTranslation("start.register"));
        register.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Anchor publicQuery = new Anchor("public/institutions", getTranslation("start.public"));
        publicQuery.setId("public-institutions");
        Anchor areaQuery = new Anchor("public/pooling-areas", getTranslation("start.public.areas"));
        areaQuery.setId("public-pooling-areas");
        Anchor agencyQuery = new Anchor("public/agencies", getTranslation("start.public.agencies"));
        agencyQuery.setId("public-agencies");
        add(language, title, subtitle, choose, entries, register, publicQuery, areaQuery, agencyQuery);
        getElement().setAttribute("role", "main");
    }

    private Div entry(String id, String realm, String labelKey, String hintKey) {
        // a full page load: the OAuth2 login is not a Vaadin route
        Anchor link = new Anchor("oauth2/authorization/" + realm, getTranslation(labelKey));
        link.setId(id);
        link.getElement().setAttribute("router-ignore", true);
        link.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span hint = new Span(getTranslation(hintKey));
        hint.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div card = new Div(link, new Html("<br>"), hint);
        card.addClassNames(LumoUtility.Padding.LARGE, LumoUtility.BorderRadius.LARGE, LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Width.FULL);
        card.setMaxWidth("18rem");
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo(HomeView.class);
        } else if (event.getLocation().getQueryParameters().getParameters().containsKey("login-error")) {
            Notification failed = Notification.show(getTranslation("start.login-error"), 8000, Notification.Position.TOP_CENTER);
            failed.addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else if (event.getLocation().getQueryParameters().getParameters().containsKey("login-unavailable")) {
            Notification unavailable = Notification.show(getTranslation("start.login-unavailable"), 15000, Notification.Position.TOP_CENTER);
            unavailable.setId("login-unavailable");
            unavailable.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
