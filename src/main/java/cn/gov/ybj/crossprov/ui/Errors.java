package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.util.Locale;

/** Business refusals shown in the UI language: a notification plus an inline error area that keeps the input. */
public final class Errors {

    private Errors() {
    }

    public static boolean english(Component component) {
        UI ui = component.getUI().orElse(UI.getCurrent());
        Locale locale = ui == null ? null : ui.getLocale();
        return locale != null && "en".equals(locale.getLanguage());
    }

    public static String message(Component component, BusinessRuleException e) {
        return english(component) ? e.messageEn() : e.messageZh();
    }

    /** Shows the refusal in the inline area (made visible) and as an error notification. */
    public static <T extends Component & HasText> void show(T inline, BusinessRuleException e) {
        showText(inline, message(inline, e));
    }

    public static <T extends Component & HasText> void showText(T inline, String text) {
        closeToast(inline);
        inline.setText(text);
        inline.setVisible(true);
        if (UI.getCurrent() != null) {
            Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            // kept with the inline area: when the area clears, the toast goes too (no stale toast over the next try)
            ComponentUtil.setData(inline, Notification.class, n);
        }
    }

    /** Hides the inline area and closes the toast shown with it. */
    public static <T extends Component & HasText> void clear(T inline) {
        closeToast(inline);
        inline.setText("");
        inline.setVisible(false);
    }

    private static void closeToast(Component inline) {
        Notification toast = ComponentUtil.getData(inline, Notification.class);
        if (toast != null) {
            toast.close();
            ComponentUtil.setData(inline, Notification.class, null);
        }
    }

    /** A refusal that belongs to no field: a short notice at the top, in the user's language. */
    public static void notice(String text) {
        Notification n = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        n.setId("notice");
    }

    public static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
