package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.CaseProgress;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.ui.PhoneLayout;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** 办件进度: the person's (and linked family's) items across all filing processes; a row opens its timeline. */
@Route(value = "insured/progress", layout = MainLayout.class)
@com.vaadin.flow.router.Menu(title = "nav.progress", order = 120)
@RolesAllowed(Roles.INSURED)
public class CaseProgressView extends VerticalLayout implements HasDynamicTitle {

    public CaseProgressView(WizardServices services) {
        H2 title = new H2(getTranslation("progress.title"));
        title.setId("view-title");
        List<CaseProgress> all = services.filings().progress(services.currentUser().require());
        boolean en = Errors.english(this);
        Grid<CaseProgress> grid = new Grid<>();
        grid.setId("progress");
        grid.addColumn(p -> en ? getTranslation("progress.kind." + p.kind().name()) : p.kind().label())
                .setHeader(getTranslation("progress.col.type")).setAutoWidth(true);
        grid.addColumn(CaseProgress::reference).setHeader(getTranslation("filings.col.serial")).setAutoWidth(true);
        grid.addColumn(p -> PersonNames.mask(p.personName())).setHeader(getTranslation("filings.col.person")).setAutoWidth(true);
        grid.addColumn(p -> FilingWizard.TIME.format(p.appliedAt())).setHeader(getTranslation("progress.col.date")).setAutoWidth(true);
        grid.addColumn(p -> p.state(en)).setHeader(getTranslation("progress.col.state")).setAutoWidth(true);
        PhoneLayout.cards(grid, getTranslation("progress.col.type"), p -> PhoneLayout.card(
                (en ? getTranslation("progress.kind." + p.kind().name()) : p.kind().label()) + " · " + p.state(en),
                p.reference(), PersonNames.mask(p.personName()) + " · " + FilingWizard.TIME.format(p.appliedAt())));
        grid.setEmptyStateText(getTranslation("progress.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("insured/progress/" + e.getItem().processInstanceId())));
        Checkbox finished = new Checkbox(getTranslation("progress.showFinished"));
        finished.setId("show-finished");
        finished.addValueChangeListener(e -> grid.setItems(e.getValue() ? all : all.stream().filter(CaseProgress::pending).toList()));
        grid.setItems(all.stream().filter(CaseProgress::pending).toList());
        add(title, finished, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.title");
    }
}
