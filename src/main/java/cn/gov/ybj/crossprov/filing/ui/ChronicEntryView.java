package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingAction;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.ui.PhoneLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * 门诊慢特病医疗机构选择 as its own entry (004 §3.1: 首页【异地备案】-【门诊慢特病医疗机构选择】): the person's and linked
 * family's opened filings where the choice is open (a valid 门诊慢特病 qualification), each leading to its choice;
 * without one, what is needed.
 */
@Route(value = "insured/chronic", layout = MainLayout.class)
@com.vaadin.flow.router.Menu(title = "nav.chronic", order = 115)
@RolesAllowed(Roles.INSURED)
public class ChronicEntryView extends VerticalLayout implements HasDynamicTitle {

    public ChronicEntryView(WizardServices services) {
        H2 title = new H2(getTranslation("chronic.entry.title"));
        title.setId("view-title");
        AppUser user = services.currentUser().require();
        List<Filing> choosable = services.filings().mine(user).stream()
                .filter(f -> services.filings().actions(user, f).contains(FilingAction.CHRONIC)).toList();
        Grid<Filing> grid = new Grid<>();
        grid.setId("chronic-filings");
        grid.addColumn(f -> PersonNames.mask(f.personName())).setHeader(getTranslation("filings.col.person")).setAutoWidth(true);
        grid.addColumn(Filing::filingNumber).setHeader(getTranslation("result.filingNumber")).setAutoWidth(true);
        grid.addColumn(f -> services.divisions().name(f.treatmentAreaCode()).orElse(f.treatmentAreaCode()))
                .setHeader(getTranslation("result.treatmentArea")).setAutoWidth(true);
        grid.addColumn(f -> f.startDate() + " – " + f.endDate()).setHeader(getTranslation("chronic.entry.period")).setAutoWidth(true);
        grid.addComponentColumn(f -> PhoneLayout.narrow(grid) ? new com.vaadin.flow.component.html.Span() : choose(f))
                .setKey("actions").setHeader(getTranslation("filings.col.actions")).setAutoWidth(true);
        PhoneLayout.cards(grid, getTranslation("filings.col.filing"), f -> PhoneLayout.card(f.filingNumber(),
                PersonNames.mask(f.personName()) + " · " + services.divisions().name(f.treatmentAreaCode()).orElse(f.treatmentAreaCode()),
                f.startDate() + " – " + f.endDate(), choose(f)));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(choosable);
        Paragraph none = new Paragraph(getTranslation("chronic.entry.none"));
        none.setId("chronic-none");
        none.setVisible(choosable.isEmpty());
        grid.setVisible(!choosable.isEmpty());
        add(title, new Paragraph(getTranslation("chronic.entry.hint")), none, grid);
    }

    private Button choose(Filing f) {
        Button choose = new Button(getTranslation("filings.action.chronic"),
                e -> getUI().ifPresent(ui -> ui.navigate(FilingActions.Action.CHRONIC.route(f))));
        choose.setId("chronic-" + f.applicationSerial());
        choose.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        return choose;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chronic.entry.title");
    }
}
