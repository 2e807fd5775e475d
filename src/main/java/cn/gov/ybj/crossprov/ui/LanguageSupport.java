package cn.gov.ybj.crossprov.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Chinese first; the English switch is remembered for the browser session. */
@Component
public class LanguageSupport implements VaadinServiceInitListener {

    private static final String SESSION_KEY = LanguageSupport.class.getName();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            Locale locale = current(e.getUI().getSession());
            e.getUI().setLocale(locale);
            // screen readers pick their voice by <html lang> (WCAG 3.1.1); the page reloads on a switch
            e.getUI().getPage().executeJs("document.documentElement.lang = $0", locale.toLanguageTag());
        });
    }

    static Locale current(VaadinSession session) {
        Object stored = session == null ? null : session.getAttribute(SESSION_KEY);
        return stored instanceof Locale locale ? locale : Locale.SIMPLIFIED_CHINESE;
    }

    /** Switches between Chinese and English and reloads the page in the new language. */
    public static void toggle(UI ui) {
        Locale next = Locale.ENGLISH.getLanguage().equals(ui.getLocale().getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        ui.getSession().setAttribute(SESSION_KEY, next);
        ui.getPage().reload();
    }
}
