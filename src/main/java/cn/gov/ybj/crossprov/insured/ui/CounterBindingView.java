package cn.gov.ybj.crossprov.insured.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.FamilyMember;
import cn.gov.ybj.crossprov.insured.FamilyMembers;
import cn.gov.ybj.crossprov.insured.RealNameBinding;
import cn.gov.ybj.crossprov.insured.Relationship;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

/**
 * 窗口实名认证与家庭关系登记 (counter clerks): binds the account that shows a counter code to the
 * person whose ID card the clerk has seen, moves a binding of a lost account with a reason,
 * and records a family link after seeing both persons' documents.
 */
@Route(value = "clerk/binding", layout = MainLayout.class)
@Menu(title = "nav.counter.binding", order = 220)
@RolesAllowed(Roles.COUNTER)
public class CounterBindingView extends VerticalLayout implements HasDynamicTitle {

    private final AppUser clerk;

    public CounterBindingView(CurrentUser currentUser, RealNameBinding binding, FamilyMembers family) {
        this.clerk = currentUser.require();
        H2 title = new H2(getTranslation("counter.binding.title"));
        title.setId("view-title");
        add(title);

        TextField code = field("counter.binding.code", "counter-code", 12);
        TextField name = field("insured.family.name", "counter-name", 64);
        TextField id = field("idnumber", "counter-id-number", 24);
        Checkbox seen = new Checkbox(getTranslation("counter.binding.seen"));
        seen.setId("counter-id-card-seen");
        Checkbox move = new Checkbox(getTranslation("counter.binding.move"));
        move.setId("counter-move");
        TextField reason = field("counter.binding.reason", "counter-reason", 200);
        Paragraph bindResult = result("counter-binding-result");
        Button bind = new Button(getTranslation("counter.binding.bind"), e -> attempt(bindResult, () -> {
            RealNameBinding.Binding b = binding.bindAtCounter(clerk, code.getValue(), name.getValue(), id.getValue(),
                    seen.getValue(), move.getValue(), reason.getValue());
            code.clear();
            id.clear();
            name.clear();
            seen.clear();
            move.clear();
            reason.clear();
            return getTranslation("counter.binding.done", b.name(), b.maskedIdNumber(), b.account());
        }));
        bind.setId("counter-bind");
        bind.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout bindForm = new FormLayout(code, name, id, seen, move, reason, bind);
        bindForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(new H3(getTranslation("counter.binding.section")), new Paragraph(getTranslation("counter.binding.hint")),
                bindForm, bindResult);

        TextField ownerName = field("counter.family.owner.name", "family-owner-name", 64);
        TextField ownerId = field("counter.family.owner.id", "family-owner-id", 24);
        TextField memberName = field("counter.family.member.name", "family-member-name", 64);
        TextField memberId = field("counter.family.member.id", "family-member-id", 24);
        ComboBox<Relationship> relationship = new ComboBox<>(getTranslation("insured.family.relationship"), Relationship.values());
        relationship.setId("family-relationship");
        relationship.setItemLabelGenerator(r -> Texts.english(this) ? r.labelEn() : r.label());
        Checkbox documents = new Checkbox(getTranslation("counter.family.seen"));
        documents.setId("family-documents-seen");
        Paragraph linkResult = result("counter-family-result");
        Button record = new Button(getTranslation("counter.family.record"), e -> attempt(linkResult, () -> {
            FamilyMember link = family.recordAtCounter(clerk, ownerName.getValue(), ownerId.getValue(), memberName.getValue(),
                    memberId.getValue(), relationship.getValue(), documents.getValue());
            return getTranslation("counter.family.done", link.ownerName(), link.memberName());
        }));
        record.setId("family-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout linkForm = new FormLayout(ownerName, ownerId, memberName, memberId, relationship, documents, record);
        linkForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(new H3(getTranslation("counter.family.section")), linkForm, linkResult);
    }

    private TextField field(String label, String id, int max) {
        TextField f = new TextField(getTranslation(label));
        f.setId(id);
        f.setMaxLength(max);
        return f;
    }

    private static Paragraph result(String id) {
        Paragraph p = new Paragraph();
        p.setId(id);
        p.setVisible(false);
        return p;
    }

    private void attempt(Paragraph result, java.util.function.Supplier<String> action) {
        result.removeClassNames(LumoUtility.TextColor.ERROR, LumoUtility.TextColor.SUCCESS);
        try {
            result.setText(action.get());
            result.addClassNames(LumoUtility.TextColor.SUCCESS);
        } catch (BusinessRuleException e) {
            result.setText(Texts.message(this, e));
            result.addClassNames(LumoUtility.TextColor.ERROR);
        }
        result.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("counter.binding.title");
    }
}
