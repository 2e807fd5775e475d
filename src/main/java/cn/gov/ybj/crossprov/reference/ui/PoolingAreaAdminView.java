package cn.gov.ybj.crossprov.reference.ui;

import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 统筹区维护: process admins edit opening status, filing mode, agency contact and bank data; every change is audited. */
@Route(value = "admin/pooling-areas", layout = MainLayout.class)
@Menu(title = "nav.admin.areas", order = 260)
@RolesAllowed(Roles.PROCESS_ADMIN)
public class PoolingAreaAdminView extends VerticalLayout implements HasDynamicTitle {

    private final PoolingAreas poolingAreas;
    private final CurrentUser currentUser;
    private final AccountNames names;
    private final Grid<PoolingArea> areas = new Grid<>();
    private final Grid<PoolingAreas.AuditEntry> audit = new Grid<>();
    private final Checkbox open = new Checkbox();
    private final DatePicker openedOn = new DatePicker();
    private final ComboBox<PoolingArea.FilingMode> mode = new ComboBox<>();
    private final DatePicker switchedOn = new DatePicker();
    private final TextField agencyName = new TextField();
    private final TextField agencyPhone = new TextField();
    private final TextField agencyAddress = new TextField();
    private final TextField bankAccountName = new TextField();
    private final TextField bankName = new TextField();
    private final TextField bankAccountNo = new TextField();
    private final FormLayout form = new FormLayout();
    private PoolingArea selected;

    public PoolingAreaAdminView(PoolingAreas poolingAreas, CurrentUser currentUser, AccountNames names) {
        this.poolingAreas = poolingAreas;
        this.names = names;
        this.currentUser = currentUser;
        H2 title = new H2(getTranslation("admin.areas.title"));
        title.setId("view-title");

        areas.setId("areas");
        areas.addColumn(PoolingArea::code).setHeader("GB/T 2260").setAutoWidth(true);
        areas.addColumn(PoolingArea::name).setHeader(getTranslation("areas.col.name")).setAutoWidth(true);
        areas.addColumn(a -> getTranslation("areas.mode." + a.filingMode().name())).setHeader(getTranslation("areas.col.mode"));
        areas.addColumn(a -> getTranslation(a.crossProvinceOpen() ? "areas.open" : "areas.closed")).setHeader(getTranslation("areas.col.open"));
        areas.addThemeVariants(GridVariant.LUMO_COMPACT);
        areas.setHeight("35vh");
        areas.setItems(poolingAreas.list(null));
        areas.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        open.setLabel(getTranslation("areas.col.open"));
        openedOn.setLabel(getTranslation("areas.col.opened"));
        mode.setLabel(getTranslation("areas.col.mode"));
        mode.setItems(PoolingArea.FilingMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("areas.mode." + m.name()));
        switchedOn.setLabel(getTranslation("admin.areas.switched"));
        agencyName.setLabel(getTranslation("areas.col.agency"));
        agencyPhone.setLabel(getTranslation("areas.col.phone"));
        agencyPhone.setId("agency-phone");
        agencyAddress.setLabel(getTranslation("areas.col.address"));
        bankAccountName.setLabel(getTranslation("admin.areas.bank.account"));
        bankName.setLabel(getTranslation("admin.areas.bank.name"));
        bankAccountNo.setLabel(getTranslation("admin.areas.bank.no"));
        Button save = new Button(getTranslation("admin.areas.save"), e -> save());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(open, openedOn, mode, switchedOn, agencyName, agencyPhone, agencyAddress, bankAccountName, bankName, bankAccountNo, save);
        form.setVisible(false);

        audit.setId("audit");
        audit.addColumn(PoolingAreas.AuditEntry::changedAt).setHeader(getTranslation("audit.col.time")).setAutoWidth(true);
        audit.addColumn(e -> names.name(e.changedBy())).setHeader(getTranslation("audit.col.user"));
        audit.addColumn(PoolingAreas.AuditEntry::field).setHeader(getTranslation("audit.col.field"));
        audit.addColumn(PoolingAreas.AuditEntry::oldValue).setHeader(getTranslation("audit.col.old"));
        audit.addColumn(PoolingAreas.AuditEntry::newValue).setHeader(getTranslation("audit.col.new"));
        audit.addThemeVariants(GridVariant.LUMO_COMPACT);
        audit.setAllRowsVisible(true);

        add(title, areas, form, new H3(getTranslation("admin.areas.audit")), audit);
    }

    private void show(PoolingArea area) {
        selected = area;
        form.setVisible(area != null);
        if (area == null) {
            audit.setItems();
            return;
        }
        open.setValue(area.crossProvinceOpen());
        openedOn.setValue(area.openedOn());
        mode.setValue(area.filingMode());
        switchedOn.setValue(area.modeSwitchedOn());
        agencyName.setValue(area.agencyName());
        agencyPhone.setValue(area.agencyPhone());
        agencyAddress.setValue(area.agencyAddress());
        bankAccountName.setValue(area.bankAccountName());
        bankName.setValue(area.bankName());
        bankAccountNo.setValue(area.bankAccountNo());
        audit.setItems(poolingAreas.audit(area.code()));
    }

    private void save() {
        try {
            PoolingArea saved = poolingAreas.update(selected.code(), selected.version(), new PoolingAreas.Changes(open.getValue(),
                    openedOn.getValue(), mode.getValue(), switchedOn.getValue(), agencyName.getValue(), agencyPhone.getValue(),
                    agencyAddress.getValue(), bankAccountName.getValue(), bankName.getValue(), bankAccountNo.getValue()),
                    currentUser.require().username());
            areas.setItems(poolingAreas.list(null));
            areas.select(saved);
            Notification.show(getTranslation("admin.areas.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            Notification error = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
            error.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.areas.title");
    }
}
