package cn.gov.ybj.crossprov.insured.ui;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.RealNameBinding;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.time.format.DateTimeFormatter;

/**
 * 实名认证: an insured account proves whom it belongs to before it sees any personal data —
 * by a code sent to the mobile number the registry holds, or at the counter with the ID card,
 * where the clerk enters the code this page shows.
 */
@Route(value = "insured/binding", layout = MainLayout.class)
@Menu(title = "nav.binding", order = 150)
@RolesAllowed(Roles.INSURED)
public class BindingView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final RealNameBinding binding;
    private final AppUser user;
    private final TextField name = new TextField();
    private final TextField idNumber = new TextField();
    private final TextField code = new TextField();
    private final Button confirm = new Button();
    private final Paragraph smsInfo = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Span counterCode = new Span();
    private java.util.UUID challenge;

    public BindingView(CurrentUser currentUser, RealNameBinding binding) {
        this.binding = binding;
        this.user = currentUser.require();
        H2 title = new H2(getTranslation("binding.title"));
        title.setId("view-title");
        add(title);
        binding.binding(user).ifPresentOrElse(this::showBound, this::showProofs);
    }

    private void showBound(RealNameBinding.Binding b) {
        Paragraph bound = new Paragraph(getTranslation("binding.bound", b.name(), b.maskedIdNumber(), TIME.format(b.boundAt())));
        bound.setId("binding-status");
        add(bound, new Paragraph(getTranslation("binding.bound.hint")));
    }

    private void showProofs() {
        Paragraph intro = new Paragraph(getTranslation("binding.intro"));
        intro.setId("binding-status");
        add(intro);

        add(new H3(getTranslation("binding.sms.title")));
        name.setLabel(getTranslation("insured.family.name"));
        name.setId("binding-name");
        name.setMaxLength(64);
        idNumber.setLabel(getTranslation("idnumber"));
        idNumber.setId("binding-id-number");
        idNumber.setMaxLength(24);
        Button send = new Button(getTranslation("binding.sms.send"), e -> sendCode());
        send.setId("binding-send-code");
        code.setLabel(getTranslation("binding.sms.code"));
        code.setId("binding-code");
        code.setMaxLength(6);
        code.setEnabled(false);
        confirm.setText(getTranslation("binding.sms.confirm"));
        confirm.setId("binding-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> confirmCode());
        FormLayout sms = new FormLayout(name, idNumber, send, code, confirm);
        sms.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        smsInfo.setId("binding-sms-info");
        smsInfo.setVisible(false);
        error.setId("binding-error");
        error.addClassNames(LumoUtility.TextColor.ERROR);
        error.setVisible(false);
        add(sms, smsInfo, error);

        add(new H3(getTranslation("binding.counter.title")));
        add(new Paragraph(getTranslation("binding.counter.hint")));
        Button show = new Button(getTranslation("binding.counter.show"), e -> showCounterCode());
        show.setId("binding-counter-code-button");
        counterCode.setId("binding-counter-code");
        counterCode.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.BOLD);
        add(show, counterCode);
    }

    private void sendCode() {
        error.setVisible(false);
        try {
            RealNameBinding.SmsChallenge c = binding.requestSmsCode(user, name.getValue(), idNumber.getValue());
            challenge = c.id();
            smsInfo.setText(getTranslation("binding.sms.sent", c.maskedMobile(), TIME.format(c.expiresAt())));
            smsInfo.setVisible(true);
            code.setEnabled(true);
            confirm.setEnabled(true);
            code.focus();
        } catch (BusinessRuleException e) {
            showError(e);
        }
    }

    private void confirmCode() {
        error.setVisible(false);
        try {
            binding.confirmSmsCode(user, challenge, code.getValue());
            getUI().ifPresent(ui -> ui.navigate("insured"));
        } catch (BusinessRuleException e) {
            showError(e);
        }
    }

    private void showCounterCode() {
        try {
            RealNameBinding.CounterCode c = binding.counterCode(user);
            counterCode.setText(c.code() + "  (" + getTranslation("binding.counter.until", TIME.format(c.expiresAt())) + ")");
        } catch (BusinessRuleException e) {
            showError(e);
        }
    }

    private void showError(BusinessRuleException e) {
        error.setText(Texts.message(this, e));
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("binding.title");
    }
}
