package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.filing.chronic.ChronicChoice;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.ChronicQualification;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.reference.InstitutionFilter;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 门诊慢特病医疗机构选择 (004 §3): the filing person's qualifications (3.1), the institutions under
 * review or approved for the selected disease (3.2), the choice of one designated institution of
 * the destination (3.3) and the result with its 医药机构变更流水号 (3.4).
 */
@Route(value = "insured/filing/:id([0-9a-fA-F-]{36})/chronic", layout = MainLayout.class)
@RolesAllowed(Roles.INSURED)
public class ChronicChoiceView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ChinaTime.ZONE);

    private final WizardServices services;
    private AppUser user;
    private Filing filing;
    private ChronicQualification selected;

    final VerticalLayout qualificationList = new VerticalLayout();
    final VerticalLayout reviewSection = new VerticalLayout();
    final Grid<ChronicChoice> choiceGrid = new Grid<>();
    final Button choose = new Button();
    final VerticalLayout chooseSection = new VerticalLayout();
    final ComboBox<Institution> institution = new ComboBox<>();
    final Button submit = new Button();
    final VerticalLayout resultSection = new VerticalLayout();
    final Span error = new Span();

    public ChronicChoiceView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("chronic.title"));
        title.setId("view-title");
        add(title);
        user = services.currentUser().require();
        filing = FilingPages.filingOrNotFound(this, services, user, event).orElse(null);
        if (filing == null) {
            return;
        }
        if (filing.status() != FilingStatus.OPENED || !filing.online()) {
            add(paragraph("not-allowed", getTranslation("chronic.notAllowed")));
            return;
        }
        error.setId("form-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);

        // 3.1 门诊慢特病资格
        H3 qualificationsTitle = new H3(getTranslation("chronic.qualifications"));
        qualificationList.setId("qualifications");
        qualificationList.setPadding(false);
        List<ChronicQualification> qualifications = services.chronic().qualifications(user, filing.personIdNumber());
        if (qualifications.isEmpty()) {
            qualificationList.add(paragraph("no-qualification", getTranslation("chronic.noQualification")));
        }
        for (ChronicQualification q : qualifications) {
            Button b = new Button(getTranslation("common.withCode", q.diseaseName(), q.diseaseCode()), e -> select(q));
            b.setId("qualification-" + q.diseaseCode());
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            qualificationList.add(b);
        }

        // 3.2 医疗机构审核列表
        reviewSection.setId("review-list");
        reviewSection.setPadding(false);
        reviewSection.setVisible(false);
        choiceGrid.setId("choice-grid");
        choiceGrid.addColumn(ChronicChoice::institutionCode).setHeader(getTranslation("chronic.institutionCode")).setAutoWidth(true);
        choiceGrid.addColumn(ChronicChoice::institutionName).setHeader(getTranslation("chronic.institutionName")).setAutoWidth(true);
        choiceGrid.addColumn(c -> getTranslation("chronic.status." + c.status().name())).setHeader(getTranslation("filings.col.status")).setAutoWidth(true);
        choiceGrid.addColumn(ChronicChoice::serial).setHeader(getTranslation("chronic.serial")).setAutoWidth(true);
        choiceGrid.addColumn(c -> TIME.format(c.submittedAt())).setHeader(getTranslation("chronic.submittedAt")).setAutoWidth(true);
        choiceGrid.setEmptyStateText(getTranslation("chronic.noChoices"));
        choiceGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        choiceGrid.setAllRowsVisible(true);
        choose.setText(getTranslation("chronic.choose"));
        choose.setId("choose-institution");
        choose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        choose.addClickListener(e -> openChoice());
        Span reviewTitle = new Span();
        reviewTitle.setId("review-list-title");
        reviewSection.add(reviewTitle, choiceGrid, choose);

        // 3.3 选择医疗机构: the destination's designated institutions, searched by name, loaded lazily
        chooseSection.setId("step-choose");
        chooseSection.setPadding(false);
        chooseSection.setVisible(false);
        institution.setId("institution");
        institution.setLabel(getTranslation("chronic.institution"));
        institution.setPlaceholder(getTranslation("chronic.institution.placeholder"));
        institution.setWidth("36em");
        institution.setItemLabelGenerator(i -> getTranslation("common.withCode", i.name(), i.code()));
        institution.setItems(query -> services.institutions().list(
                new InstitutionFilter(filing.treatmentAreaCode(), searchText(query.getFilter().orElse("")), null, null),
                query.getOffset(), query.getLimit()).stream());
        submit.setText(getTranslation("chronic.submit"));
        submit.setId("chronic-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        Span destination = new Span(getTranslation("chronic.destination",
                services.divisions().name(filing.treatmentAreaCode()).orElse(filing.treatmentAreaCode())));
        destination.setId("destination");
        Span once = new Span(getTranslation("chronic.onePerSubmission"));
        chooseSection.add(new H3(getTranslation("chronic.choose")), destination, once, institution, submit);

        resultSection.setId("step-result");
        resultSection.setPadding(false);
        resultSection.setVisible(false);

        Button back = new Button(getTranslation("chronic.backHome"), e -> getUI().ifPresent(ui -> ui.navigate("insured")));
        back.setId("back-home");
        add(new H3(getTranslation("chronic.person", PersonNames.mask(filing.personName()))), qualificationsTitle,
                qualificationList, reviewSection, chooseSection, error, resultSection, back);
    }

    /** The name part of what was typed; a whole item label (name（code）) searches by its name. */
    static String searchText(String typed) {
        return typed.replaceFirst("（\\d{13}）$", "").strip();
    }

    void select(ChronicQualification q) {
        selected = q;
        Errors.clear(error);
        resultSection.setVisible(false);
        chooseSection.setVisible(false);
        reviewSection.setVisible(true);
        reviewSection.getChildren().filter(c -> "review-list-title".equals(c.getId().orElse(null))).findFirst()
                .ifPresent(c -> ((Span) c).setText(getTranslation("chronic.reviewList", q.diseaseName())));
        refreshChoices();
    }

    private void refreshChoices() {
        choiceGrid.setItems(services.chronic().choices(user, filing.personIdNumber(), selected.diseaseCode()).stream()
                .filter(c -> c.status().live()).toList());
    }

    void openChoice() {
        Errors.clear(error);
        institution.clear();
        chooseSection.setVisible(true);
        resultSection.setVisible(false);
    }

    void submit() {
        Errors.clear(error);
        if (selected == null) {
            Errors.showText(error, getTranslation("chronic.selectDisease"));
            return;
        }
        if (institution.getValue() == null) {
            Errors.showText(error, getTranslation("chronic.selectInstitution"));
            return;
        }
        try {
            ChronicChoice c = services.chronic().choose(user, filing.id(), selected.diseaseCode(),
                    institution.getValue().code());
            showResult(c);
            refreshChoices();
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    private void showResult(ChronicChoice c) {
        chooseSection.setVisible(false);
        resultSection.removeAll();
        Span done = new Span(getTranslation("chronic.result.title"));
        done.setId("result-title");
        done.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.BOLD);
        Span hint = new Span(getTranslation("chronic.result.hint"));
        hint.setId("result-hint");
        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        fields.addFormItem(span("result-serial", c.serial()), getTranslation("chronic.serial"));
        fields.addFormItem(span("result-person", PersonNames.mask(c.personName())), getTranslation("chronic.result.name"));
        fields.addFormItem(span("result-id-number", IdNumber.mask(c.personIdNumber())), getTranslation("chronic.result.idNumber"));
        fields.addFormItem(span("result-time", TIME.format(c.submittedAt())), getTranslation("chronic.submittedAt"));
        fields.addFormItem(span("result-disease", c.diseaseName()), getTranslation("chronic.disease"));
        fields.addFormItem(span("result-institution-code", c.institutionCode()), getTranslation("chronic.institutionCode"));
        fields.addFormItem(span("result-institution-name", c.institutionName()), getTranslation("chronic.institutionName"));
        resultSection.add(done, hint, fields);
        resultSection.setVisible(true);
    }

    private static Span span(String id, String text) {
        Span s = new Span(text);
        s.setId(id);
        return s;
    }

    private static Paragraph paragraph(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        return p;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chronic.title");
    }
}
