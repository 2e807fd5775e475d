package cn.gov.ybj.crossprov.insured.ui;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.FamilyMember;
import cn.gov.ybj.crossprov.insured.FamilyMembers;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.insured.Relationship;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.InvalidIdNumberException;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.ui.PhoneLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;

/**
 * 家庭成员: the persons the insured person may file for, and who has linked the person. A new
 * link is active at once when the registry records the relation (家庭共济), otherwise when the
 * member confirms it here from their own account. Lists show masked ID numbers.
 */
@Route(value = "insured/family", layout = MainLayout.class)
@Menu(title = "nav.insured.family", order = 140)
@RolesAllowed(Roles.INSURED)
public class FamilyMembersView extends VerticalLayout implements HasDynamicTitle {

    private final FamilyMembers family;
    private final Grid<FamilyMember> grid = new Grid<>();
    private final Grid<FamilyMember> linkedToMe = new Grid<>();
    private final TextField name = new TextField();
    private final TextField idNumber = new TextField();
    private final ComboBox<Relationship> relationship = new ComboBox<>();
    private final Paragraph error = new Paragraph();
    private String ownerIdNumber;

    public FamilyMembersView(CurrentUser currentUser, InsuredAccounts accounts, FamilyMembers family) {
        this.family = family;
        H2 title = new H2(getTranslation("insured.family.title"));
        title.setId("view-title");
        add(title);
        boolean en = Texts.english(this);
        Optional<InsuranceRecord> owner = accounts.boundRecord(currentUser.require());
        if (owner.isEmpty()) {
            Paragraph missing = new Paragraph(en ? InsuranceRegistry.NOT_FOUND_EN : InsuranceRegistry.NOT_FOUND_ZH);
            missing.setId("not-in-registry");
            add(missing);
            return;
        }
        ownerIdNumber = owner.get().idNumber();

        grid.setId("family");
        grid.addColumn(FamilyMember::memberName).setHeader(getTranslation("insured.family.name")).setAutoWidth(true);
        grid.addColumn(FamilyMember::maskedMemberIdNumber).setHeader(getTranslation("idnumber")).setAutoWidth(true);
        grid.addColumn(m -> en ? m.relationship().labelEn() : m.relationship().label())
                .setHeader(getTranslation("insured.family.relationship"));
        grid.addColumn(m -> en ? m.status().labelEn() : m.status().label()).setHeader(getTranslation("insured.family.status"))
                .setAutoWidth(true);
        grid.addComponentColumn(m -> PhoneLayout.narrow(grid) ? new Span() : removeButton(m))
                .setHeader(getTranslation("filings.col.actions")).setAutoWidth(true);
        PhoneLayout.cards(grid, getTranslation("insured.family.name"), m -> PhoneLayout.card(m.memberName(),
                m.maskedMemberIdNumber(), (en ? m.relationship().labelEn() : m.relationship().label()) + " · "
                        + (en ? m.status().labelEn() : m.status().label()), removeButton(m)));
        grid.setEmptyStateText(getTranslation("insured.family.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);

        name.setLabel(getTranslation("insured.family.name"));
        name.setId("member-name");
        name.setRequired(true);
        name.setMaxLength(64);
        idNumber.setLabel(getTranslation("idnumber"));
        idNumber.setId("member-id-number");
        idNumber.setRequired(true);
        idNumber.setMaxLength(18);
        idNumber.setHelperText(getTranslation("insured.family.id.hint"));
        relationship.setLabel(getTranslation("insured.family.relationship"));
        relationship.setId("member-relationship");
        relationship.setRequired(true);
        relationship.setItems(Relationship.values());
        relationship.setItemLabelGenerator(r -> en ? r.labelEn() : r.label());
        Button addButton = new Button(getTranslation("insured.family.add"), e -> add());
        addButton.setId("add-member");
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        error.setId("member-error");
        error.addClassNames(LumoUtility.TextColor.ERROR);
        error.setVisible(false);
        FormLayout form = new FormLayout(name, idNumber, relationship, addButton);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        add(grid, new H3(getTranslation("insured.family.new")), new Paragraph(getTranslation("insured.family.consent.hint")),
                form, error);

        linkedToMe.setId("linked-to-me");
        linkedToMe.addColumn(FamilyMember::ownerName).setHeader(getTranslation("insured.family.name")).setAutoWidth(true);
        linkedToMe.addColumn(FamilyMember::maskedOwnerIdNumber).setHeader(getTranslation("idnumber")).setAutoWidth(true);
        linkedToMe.addColumn(m -> en ? m.relationship().labelEn() : m.relationship().label())
                .setHeader(getTranslation("insured.family.relationship.theirs"));
        linkedToMe.addColumn(m -> en ? m.status().labelEn() : m.status().label()).setHeader(getTranslation("insured.family.status"));
        linkedToMe.addComponentColumn(m -> PhoneLayout.narrow(linkedToMe) ? new Span() : linkActions(m))
                .setHeader(getTranslation("filings.col.actions")).setAutoWidth(true);
        PhoneLayout.cards(linkedToMe, getTranslation("insured.family.name"), m -> PhoneLayout.card(m.ownerName(),
                m.maskedOwnerIdNumber(), (en ? m.relationship().labelEn() : m.relationship().label()) + " · "
                        + (en ? m.status().labelEn() : m.status().label()), linkActions(m)));
        linkedToMe.setEmptyStateText(getTranslation("insured.family.linked.empty"));
        linkedToMe.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        linkedToMe.setAllRowsVisible(true);
        add(new H3(getTranslation("insured.family.linked.title")), linkedToMe);
        refresh();
    }

    private Button removeButton(FamilyMember m) {
        Button remove = new Button(getTranslation("insured.family.remove"), e -> confirmRemove(m));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return remove;
    }

    private HorizontalLayout linkActions(FamilyMember m) {
            HorizontalLayout actions = new HorizontalLayout();
            if (!m.active()) {
                Button accept = new Button(getTranslation("insured.family.confirm"), e -> {
                    family.confirm(ownerIdNumber, m.ref());
                    refresh();
                });
                accept.setId("confirm-link");
                accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                actions.add(accept);
            }
            Button end = new Button(getTranslation(m.active() ? "insured.family.unlink" : "insured.family.decline"), e -> {
                family.removeByMember(ownerIdNumber, m.ref());
                refresh();
            });
            end.setId(m.active() ? "end-link" : "decline-link");
            end.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            actions.add(end);
            actions.setWrap(true);
            return actions;
    }

    private void add() {
        clearErrors();
        boolean ok = true;
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("insured.family.name.required"));
            name.setInvalid(true);
            ok = false;
        }
        try {
            IdNumber.of(idNumber.getValue());
        } catch (InvalidIdNumberException e) {
            String[] parts = e.getMessage().split(" / ", 2);
            idNumber.setErrorMessage(Texts.english(this) && parts.length > 1 ? parts[1] : parts[0]);
            idNumber.setInvalid(true);
            ok = false;
        }
        if (relationship.getValue() == null) {
            relationship.setErrorMessage(getTranslation("insured.family.relationship.required"));
            relationship.setInvalid(true);
            ok = false;
        }
        if (!ok) {
            return;
        }
        try {
            FamilyMember added = family.add(ownerIdNumber, name.getValue(), idNumber.getValue(), relationship.getValue());
            name.clear();
            idNumber.clear();
            relationship.clear();
            refresh();
            Notification.show(getTranslation(added.active() ? "insured.family.added" : "insured.family.requested", added.memberName()),
                            5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (BusinessRuleException e) {
            error.setText(Texts.message(this, e));
            error.setVisible(true);
        }
    }

    private void confirmRemove(FamilyMember member) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("insured.family.remove.title"));
        dialog.setText(getTranslation("insured.family.remove.text", member.memberName(), member.maskedMemberIdNumber()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("insured.family.cancel"));
        dialog.setConfirmText(getTranslation("insured.family.remove"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            family.remove(ownerIdNumber, member.memberIdNumber());
            refresh();
        });
        dialog.open();
    }

    private void clearErrors() {
        name.setInvalid(false);
        idNumber.setInvalid(false);
        relationship.setInvalid(false);
        error.setVisible(false);
    }

    private void refresh() {
        grid.setItems(family.list(ownerIdNumber));
        linkedToMe.setItems(family.linkedTo(ownerIdNumber));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("insured.family.title");
    }
}
