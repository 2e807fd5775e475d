package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.FamilyMember;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.Divisions.Division;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.reference.InstitutionFilter;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.InvalidIdNumberException;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The filing wizard of the national app (004 §1) as one Vaadin view: choose → 告知书 → form →
 * 承诺书 → result. Used by insured persons (self-service / quick), by counter clerks (地方平台)
 * and for 修改备案 of a returned filing. Every rule is checked again by {@link FilingManagement}.
 */
abstract class FilingWizard extends VerticalLayout {

    enum Mode { SELF, COUNTER, RESUBMIT }

    static final ZoneId ZONE = ChinaTime.ZONE;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final String EMERGENCY = "EMERGENCY";

    final WizardServices services;
    final Mode mode;
    final AppUser actor;
    /** one key per opened wizard: a double click or a retry creates one case */
    final String idempotencyKey = UUID.randomUUID().toString();

    final Span formError = new Span();
    final VerticalLayout stepChoose = step("step-choose");
    final VerticalLayout stepNotice = step("step-notice");
    final VerticalLayout stepForm = step("step-form");
    final VerticalLayout stepCommitment = step("step-commitment");
    final VerticalLayout stepResult = step("step-result");

    // choose
    final RadioButtonGroup<Boolean> forWhom = new RadioButtonGroup<>();
    final ComboBox<FamilyMember> familyMember = new ComboBox<>();
    final TextField personName = new TextField();
    final TextField personIdNumber = new TextField();
    final Span personInfo = new Span();
    final Span insuredArea = new Span();
    final Span reviewModeHint = new Span();
    final ComboBox<Division> province = new ComboBox<>();
    final ComboBox<Division> city = new ComboBox<>();
    final RadioButtonGroup<InsuranceType> insuranceType = new RadioButtonGroup<>();
    final RadioButtonGroup<FilingType> longTermTypes = new RadioButtonGroup<>();
    final RadioButtonGroup<FilingType> temporaryTypes = new RadioButtonGroup<>();
    final RadioButtonGroup<String> emergencyType = new RadioButtonGroup<>();
    final Paragraph emergencyMessage = new Paragraph();
    final Button startFiling = new Button();
    // notice
    final Checkbox noticeAccepted = new Checkbox();
    final Button noticeContinue = new Button();
    // form
    final DatePicker startDate = new DatePicker();
    final DatePicker endDate = new DatePicker();
    final TextField contactName = new TextField();
    final TextField contactPhone = new TextField();
    final TextField contactAddress = new TextField();
    final Checkbox referral = new Checkbox();
    final ComboBox<Institution> institution = new ComboBox<>();
    final Span materialsHint = new Span();
    final Upload upload;
    final List<FilingApplication.Material> uploaded = new CopyOnWriteArrayList<>();
    final Checkbox commitmentInstead = new Checkbox();
    final Button formContinue = new Button();
    // commitment
    final Checkbox commitmentAccepted = new Checkbox();
    final Button submit = new Button();

    /** the person the filing is for (own record, family member's record, or the walk-in person) */
    InsuranceRecord person;
    private InsuranceRecord own;

    FilingWizard(WizardServices services, Mode mode) {
        this.services = services;
        this.mode = mode;
        this.actor = services.currentUser().require();
        formError.setId("form-error");
        formError.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        formError.setVisible(false);
        upload = new Upload(UploadHandler.inMemory((meta, data) -> uploaded.add(
                new FilingApplication.Material(materialKind(), meta.fileName(), data))));
        add(formError, stepChoose, stepNotice, stepForm, stepCommitment, stepResult);
        buildChoose();
        buildNotice();
        buildForm();
        buildCommitment();
        show(stepChoose);
    }

    private static VerticalLayout step(String id) {
        VerticalLayout step = new VerticalLayout();
        step.setId(id);
        step.setPadding(false);
        return step;
    }

    void show(VerticalLayout step) {
        for (VerticalLayout s : List.of(stepChoose, stepNotice, stepForm, stepCommitment, stepResult)) {
            s.setVisible(s == step);
        }
    }

    String t(String key, Object... params) {
        return getTranslation(key, params);
    }

    boolean english() {
        return Errors.english(this);
    }

    // ---------------------------------------------------------------- step 1: choose

    private void buildChoose() {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        if (mode == Mode.COUNTER) {
            personName.setId("person-name");
            personName.setLabel(t("wizard.person.name"));
            personName.setRequired(true);
            personIdNumber.setId("person-id-number");
            personIdNumber.setLabel(t("idnumber"));
            personIdNumber.setRequired(true);
            personIdNumber.setMaxLength(18);
            Button lookup = new Button(t("wizard.person.lookup"), e -> lookupWalkIn());
            lookup.setId("lookup-person");
            form.add(personName, personIdNumber, lookup);
        } else if (mode == Mode.SELF) {
            own = services.accounts().boundRecord(actor).orElse(null);
            if (own == null) {
                Paragraph missing = new Paragraph(english() ? InsuranceRegistry.NOT_FOUND_EN : InsuranceRegistry.NOT_FOUND_ZH);
                missing.setId("not-in-registry");
                stepChoose.add(missing);
                return;
            }
            forWhom.setId("for-whom");
            forWhom.setItems(true, false);
            forWhom.setItemLabelGenerator(self -> t(self ? "wizard.forSelf" : "wizard.forOther"));
            forWhom.setValue(true);
            familyMember.setId("family-member");
            familyMember.setLabel(t("wizard.familyMember"));
            familyMember.setItemLabelGenerator(m -> m.memberName() + " " + m.maskedMemberIdNumber());
            List<FamilyMember> members = services.family().active(own.idNumber());
            familyMember.setItems(members);
            familyMember.setVisible(false);
            Span familyHint = new Span(t("wizard.family.none"));
            familyHint.setId("family-hint");
            Anchor familyLink = new Anchor("insured/family", t("nav.insured.family"));
            Div hint = new Div(familyHint, new Span(" "), familyLink);
            hint.setVisible(false);
            forWhom.addValueChangeListener(e -> {
                boolean self = !Boolean.FALSE.equals(e.getValue());
                familyMember.setVisible(!self && !members.isEmpty());
                hint.setVisible(!self && members.isEmpty());
                if (self) {
                    familyMember.clear();
                    usePerson(own);
                } else {
                    usePerson(null);
                }
            });
            familyMember.addValueChangeListener(e -> usePerson(e.getValue() == null ? null
                    : services.registry().find(e.getValue().memberIdNumber()).orElse(null)));
            stepChoose.add(forWhom);
            form.add(familyMember, hint);
        }
        personInfo.setId("person-info");
        insuredArea.setId("insured-area");
        reviewModeHint.setId("review-mode-hint");
        reviewModeHint.addClassNames(LumoUtility.TextColor.SECONDARY);
        form.add(personInfo, insuredArea, reviewModeHint);

        province.setId("treatment-province");
        province.setLabel(t("wizard.treatmentProvince"));
        province.setItemLabelGenerator(Division::fullName);
        province.setRequired(true);
        city.setId("treatment-city");
        city.setLabel(t("wizard.treatmentCity"));
        city.setItemLabelGenerator(Division::fullName);
        city.setRequired(true);
        city.setVisible(false);
        province.addValueChangeListener(e -> {
            city.clear();
            Division p = e.getValue();
            if (p == null || p.provinceLevelOnly()) {
                city.setVisible(false);
                city.setItems(List.of());
            } else {
                city.setItems(services.divisions().children(p.code()));
                city.setVisible(true);
            }
        });
        insuranceType.setId("insurance-type");
        insuranceType.setLabel(t("wizard.insuranceType"));
        insuranceType.setItems(InsuranceType.values());
        insuranceType.setItemLabelGenerator(v -> english() ? v.labelEn() : v.label());
        form.add(province, city, insuranceType);

        longTermTypes.setId("filing-type-long");
        longTermTypes.setLabel(t("wizard.type.longTerm"));
        temporaryTypes.setId("filing-type-temporary");
        temporaryTypes.setLabel(t("wizard.type.temporary"));
        longTermTypes.setItems(java.util.Arrays.stream(FilingType.values()).filter(FilingType::longTerm).toList());
        temporaryTypes.setItems(java.util.Arrays.stream(FilingType.values()).filter(f -> !f.longTerm()).toList());
        longTermTypes.setItemLabelGenerator(this::typeLabel);
        temporaryTypes.setItemLabelGenerator(this::typeLabel);
        emergencyType.setId("filing-type-emergency");
        emergencyType.setLabel(t("wizard.type.emergencyGroup"));
        emergencyType.setItems(EMERGENCY);
        emergencyType.setItemLabelGenerator(v -> t("wizard.type.emergency"));
        emergencyMessage.setId("emergency-message");
        emergencyMessage.setText(t("wizard.emergency.message"));
        emergencyMessage.addClassNames(LumoUtility.TextColor.PRIMARY, LumoUtility.FontWeight.SEMIBOLD);
        emergencyMessage.setVisible(false);
        longTermTypes.addValueChangeListener(e -> typeChosen(longTermTypes, e.getValue() != null));
        temporaryTypes.addValueChangeListener(e -> typeChosen(temporaryTypes, e.getValue() != null));
        emergencyType.addValueChangeListener(e -> typeChosen(emergencyType, e.getValue() != null));

        startFiling.setText(t("wizard.start"));
        startFiling.setId("start-filing");
        startFiling.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        startFiling.addClickListener(e -> startFiling());
        stepChoose.add(form, longTermTypes, temporaryTypes, emergencyType, emergencyMessage, startFiling);
        if (mode == Mode.SELF) {
            usePerson(own);
        }
    }

    private String typeLabel(FilingType type) {
        return english() ? t("filingType." + type.name()) : type.label();
    }


    /** Keeps the three type groups mutually exclusive; emergencies show the message and stop. */
    private void typeChosen(RadioButtonGroup<?> source, boolean selected) {
        if (!selected || source == null) {
            emergencyMessage.setVisible(emergencyType.getValue() != null);
            startFiling.setEnabled(emergencyType.getValue() == null);
            return;
        }
        if (source != longTermTypes) {
            longTermTypes.clear();
        }
        if (source != temporaryTypes) {
            temporaryTypes.clear();
        }
        if (source != emergencyType) {
            emergencyType.clear();
        }
        boolean isEmergency = source == emergencyType;
        emergencyMessage.setVisible(isEmergency);
        startFiling.setEnabled(!isEmergency);
        updateFormForType();
    }

    FilingType filingType() {
        return longTermTypes.getValue() != null ? longTermTypes.getValue() : temporaryTypes.getValue();
    }

    void selectType(FilingType type) {
        (type.longTerm() ? longTermTypes : temporaryTypes).setValue(type);
    }

    /** Sets the person the filing is for and what follows from their record. */
    void usePerson(InsuranceRecord record) {
        person = record;
        if (record == null) {
            personInfo.setText("—");
            insuredArea.setText("—");
            reviewModeHint.setText("");
            return;
        }
        String areaName = services.divisions().name(record.poolingAreaCode()).orElse(record.poolingAreaCode());
        insuredArea.setText(t("common.labelled", t("wizard.insuredArea"), t("common.withCode", areaName, record.poolingAreaCode())));
        personInfo.setText(t("common.labelled", t("wizard.person"), record.name() + " " + record.maskedIdNumber()));
        Optional<PoolingArea> area = services.areas().find(record.poolingAreaCode());
        reviewModeHint.setText(area.map(a -> t(a.filingMode() == PoolingArea.FilingMode.SELF_SERVICE
                ? "wizard.review.auto" : "wizard.review.manual")).orElse(""));
        insuranceType.setValue(record.insuranceType());
        String ownProvince = RegionCode.of(record.poolingAreaCode()).provincePrefix();
        Division chosen = province.getValue();
        province.setItems(services.divisions().provinces().stream().filter(d -> !d.code().startsWith(ownProvince)).toList());
        if (chosen != null && !chosen.code().startsWith(ownProvince)) {
            province.setValue(chosen);
        }
        if (contactName.isEmpty() || mode != Mode.RESUBMIT) {
            contactName.setValue(record.name());
        }
    }

    private void lookupWalkIn() {
        Errors.clear(formError);
        personIdNumber.setInvalid(false);
        try {
            IdNumber id = IdNumber.of(personIdNumber.getValue());
            Optional<InsuranceRecord> found = services.registry().find(id.value())
                    .filter(r -> r.name().equals(personName.getValue().strip()));
            if (found.isEmpty()) {
                usePerson(null);
                Errors.showText(formError, t("wizard.person.notFound"));
                return;
            }
            if (!found.get().poolingAreaCode().equals(actor.unitCode())) {
                usePerson(null);
                Errors.showText(formError, t("wizard.person.otherArea"));
                return;
            }
            usePerson(found.get());
        } catch (InvalidIdNumberException e) {
            String[] parts = e.getMessage().split(" / ", 2);
            String text = english() && parts.length > 1 ? parts[1] : parts[0];
            personIdNumber.setErrorMessage(text);
            personIdNumber.setInvalid(true);
            usePerson(null);
            Errors.showText(formError, text);
        }
    }

    String treatmentAreaCode() {
        Division p = province.getValue();
        if (p == null) {
            return null;
        }
        if (p.provinceLevelOnly()) {
            return p.code();
        }
        return city.getValue() == null ? null : city.getValue().code();
    }

    private void startFiling() {
        Errors.clear(formError);
        if (emergencyType.getValue() != null) {
            emergencyMessage.setVisible(true);
            return;
        }
        String problem = null;
        if (person == null) {
            problem = t(mode == Mode.COUNTER ? "wizard.error.lookupFirst" : "wizard.error.person");
        } else if (treatmentAreaCode() == null) {
            problem = t("wizard.error.treatmentArea");
        } else if (insuranceType.getValue() == null) {
            problem = t("wizard.error.insuranceType");
        } else if (filingType() == null) {
            problem = t("wizard.error.filingType");
        }
        if (problem != null) {
            Errors.showText(formError, problem);
            return;
        }
        updateFormForType();
        show(stepNotice);
    }

    /** The text of the 告知书 or 承诺书 as the person reads it before accepting. */
    private static Div letter(String text, String id) {
        Div letter = new Div();
        letter.setText(text);
        letter.setId(id);
        letter.getStyle().set("white-space", "pre-wrap");
        letter.addClassNames(LumoUtility.Border.ALL, LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM);
        return letter;
    }

    // ---------------------------------------------------------------- step 2: notice

    private void buildNotice() {
        Div text = letter(FilingManagement.noticeText(), "notice-text");
        noticeAccepted.setId("notice-accepted");
        noticeAccepted.setLabel(t("wizard.notice.accept"));
        noticeContinue.setId("notice-continue");
        noticeContinue.setText(t("wizard.notice.continue"));
        noticeContinue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        noticeContinue.setEnabled(false);
        noticeAccepted.addValueChangeListener(e -> noticeContinue.setEnabled(Boolean.TRUE.equals(e.getValue())));
        noticeContinue.addClickListener(e -> {
            if (noticeAccepted.getValue()) {
                Errors.clear(formError);
                show(stepForm);
            }
        });
        Button back = new Button(t("wizard.back"), e -> show(stepChoose));
        back.setId("notice-back");
        stepNotice.add(new H3(t("wizard.notice.title")), text, noticeAccepted, new HorizontalLayout(back, noticeContinue));
    }

    // ---------------------------------------------------------------- step 3: form

    private void buildForm() {
        startDate.setId("start-date");
        startDate.setLabel(t("wizard.startDate"));
        startDate.setHelperText(t("wizard.startDate.hint"));
        startDate.setRequired(true);
        startDate.setValue(LocalDate.now(ZONE));
        endDate.setId("end-date");
        endDate.setLabel(t("wizard.endDate"));
        endDate.setRequired(true);
        contactName.setId("contact-name");
        contactName.setLabel(t("wizard.contactName"));
        contactName.setMaxLength(50);
        contactName.setRequired(true);
        contactPhone.setId("contact-phone");
        contactPhone.setLabel(t("wizard.contactPhone"));
        contactPhone.setMaxLength(20);
        contactPhone.setRequired(true);
        contactAddress.setId("contact-address");
        contactAddress.setLabel(t("wizard.contactAddress"));
        contactAddress.setMaxLength(200);
        contactAddress.setRequired(true);
        referral.setId("referral");
        referral.setLabel(t("wizard.referral"));
        institution.setId("institution");
        institution.setLabel(t("wizard.institution"));
        institution.setItemLabelGenerator(i -> t("common.withCode", i.name(), i.divisionName()));
        institution.setItems(query -> {
            String area = treatmentAreaCode();
            String name = query.getFilter().orElse("");
            return services.institutions().list(new InstitutionFilter(area, name.isBlank() ? null : name, null, null),
                    query.getOffset(), query.getLimit()).stream();
        });
        institution.setWidth("30em");
        materialsHint.setId("materials-hint");
        upload.setId("materials-upload");
        upload.setAcceptedFileTypes(".pdf", ".jpg", ".jpeg", ".png", "application/pdf", "image/jpeg", "image/png");
        upload.setMaxFileSize((int) MAX_FILE_BYTES);
        upload.setMaxFiles(5);
        upload.addFileRemovedListener(e -> uploaded.removeIf(m -> m.fileName().equals(e.getFileName())));
        upload.addFileRejectedListener(e -> Errors.showText(formError, t("wizard.upload.rejected") + " " + e.getErrorMessage()));
        commitmentInstead.setId("commitment-instead");
        commitmentInstead.setLabel(t("wizard.commitmentInstead"));
        commitmentInstead.addValueChangeListener(e -> upload.setVisible(!Boolean.TRUE.equals(e.getValue())));
        formContinue.setId("form-continue");
        formContinue.setText(t("wizard.next"));
        formContinue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formContinue.addClickListener(e -> formContinue());
        Button back = new Button(t("wizard.back"), e -> show(stepNotice));
        back.setId("form-back");
        FormLayout fields = new FormLayout(startDate, endDate, contactName, contactPhone, contactAddress, referral);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        stepForm.add(new H3(t("wizard.form.title")), fields, institution, new H3(t("wizard.materials")), materialsHint, upload,
                commitmentInstead, new HorizontalLayout(back, formContinue));
    }

    private String materialKind() {
        FilingType type = filingType();
        return type == null || type.material() == null ? FilingMaterial.OTHER_KIND : type.material();
    }

    private void updateFormForType() {
        FilingType type = filingType();
        if (type == null) {
            return;
        }
        institution.setRequired(type.needsInstitution());
        institution.setHelperText(type.needsInstitution() ? t("wizard.institution.required") : t("wizard.institution.optional"));
        institution.getDataProvider().refreshAll();
        referral.setValue(type == FilingType.REFERRAL || referral.getValue());
        materialsHint.setText(type.material() == null ? t("wizard.materials.none")
                : t("wizard.materials.needed", english() ? t("filingMaterial." + type.name()) : type.material()));
        commitmentInstead.setVisible(type.commitmentAllowed());
        if (!type.commitmentAllowed()) {
            commitmentInstead.setValue(false);
        }
    }

    private void formContinue() {
        Errors.clear(formError);
        FilingType type = filingType();
        String problem = null;
        if (startDate.getValue() == null || endDate.getValue() == null) {
            problem = t("wizard.error.dates");
        } else if (endDate.getValue().isBefore(startDate.getValue())) {
            problem = t("wizard.error.dateOrder");
        } else if (contactName.getValue().isBlank() || contactPhone.getValue().isBlank() || contactAddress.getValue().isBlank()) {
            problem = t("wizard.error.contact");
        } else if (type != null && type.needsInstitution() && institution.getValue() == null) {
            problem = t("wizard.error.institution");
        } else if (type != null && type.material() != null && uploaded.isEmpty() && !commitmentInstead.getValue()) {
            problem = t(type.commitmentAllowed() ? "wizard.error.materialsOrCommitment" : "wizard.error.materials");
        }
        if (problem != null) {
            Errors.showText(formError, problem);
            return;
        }
        show(stepCommitment);
    }

    // ---------------------------------------------------------------- step 4: commitment

    private void buildCommitment() {
        Div text = letter(FilingManagement.commitmentText(), "commitment-text");
        commitmentAccepted.setId("commitment-accepted");
        commitmentAccepted.setLabel(t("wizard.commitment.accept"));
        submit.setId("submit-filing");
        submit.setText(t("wizard.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(false);
        submit.setDisableOnClick(true);
        commitmentAccepted.addValueChangeListener(e -> submit.setEnabled(Boolean.TRUE.equals(e.getValue())));
        submit.addClickListener(e -> submit());
        Button back = new Button(t("wizard.back"), e -> show(stepForm));
        back.setId("commitment-back");
        stepCommitment.add(new H3(t("wizard.commitment.title")), text, commitmentAccepted, new HorizontalLayout(back, submit));
    }

    FilingApplication application() {
        Institution inst = institution.getValue();
        FilingType type = filingType();
        boolean commitment = type != null && type.commitmentAllowed() && commitmentInstead.getValue();
        return new FilingApplication(person == null ? null : person.idNumber(),
                person == null ? null : person.poolingAreaCode(), treatmentAreaCode(), insuranceType.getValue(), type,
                startDate.getValue(), endDate.getValue(), contactName.getValue().strip(), contactPhone.getValue().strip(),
                contactAddress.getValue().strip(), inst == null ? null : inst.code(), referral.getValue(),
                false, commitment, noticeAccepted.getValue(), commitmentAccepted.getValue(),
                commitment ? List.of() : new ArrayList<>(uploaded));
    }

    /** Sends the application; the subclass decides between submit and resubmit. */
    abstract Filing send(FilingApplication application);

    void submit() {
        Errors.clear(formError);
        try {
            Filing filing = send(application());
            showResult(filing);
        } catch (BusinessRuleException e) {
            Errors.show(formError, e);
        } catch (RuntimeException e) {
            // an unexpected failure rolled the submission back: keep the input and let the person retry
            LoggerFactory.getLogger(FilingWizard.class).warn("Filing submission failed: {}", e.toString());
            Errors.showText(formError, t("wizard.error.retry"));
        } finally {
            submit.setEnabled(commitmentAccepted.getValue());
        }
    }

    // ---------------------------------------------------------------- step 5: result

    void showResult(Filing f) {
        stepResult.removeAll();
        H3 status = new H3();
        status.setId("result-status");
        Span serial = new Span(f.applicationSerial());
        serial.setId("result-serial");
        if (f.status() == FilingStatus.OPENED) {
            status.setText(t(f.channel() == cn.gov.ybj.crossprov.filing.Channel.LOCAL ? "wizard.result.counterOpened" : "wizard.result.opened"));
            Span number = new Span(f.filingNumber());
            number.setId("result-filing-number");
            FormLayout fields = new FormLayout();
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
            fields.addFormItem(new Span(PersonNames.mask(f.personName())), t("result.name"));
            fields.addFormItem(new Span(IdNumber.mask(f.personIdNumber())), t("idnumber"));
            fields.addFormItem(new Span(typeLabel(f.filingType())), t("result.type"));
            fields.addFormItem(new Span(english() ? f.insuranceType().labelEn() : f.insuranceType().label()), t("result.insuranceType"));
            fields.addFormItem(new Span(t(f.referral() ? "yes" : "no")), t("wizard.referral"));
            fields.addFormItem(new Span(areaName(f.insuredAreaCode())), t("wizard.insuredArea"));
            fields.addFormItem(new Span(areaName(f.treatmentAreaCode())), t("result.treatmentArea"));
            fields.addFormItem(new Span(String.valueOf(f.startDate())), t("result.start"));
            fields.addFormItem(new Span(String.valueOf(f.endDate())), t("result.end"));
            Instant at = f.openedAt() != null ? f.openedAt() : f.submittedAt();
            fields.addFormItem(new Span(at == null ? "" : TIME.format(at)), t("result.openedAt"));
            fields.addFormItem(number, t("result.filingNumber"));
            fields.addFormItem(serial, t("result.serial"));
            stepResult.add(status, fields, services.registrationForm(services.currentUser().require(), f, t("filing.registrationForm")));
        } else if (f.status() == FilingStatus.SUBMITTED) {
            status.setText(t("wizard.result.submitted"));
            Paragraph wait = new Paragraph(t("wizard.result.wait"));
            wait.setId("result-wait");
            Div serialLine = new Div(new Span(t("common.labelPrefix", t("result.serial"))), serial);
            stepResult.add(status, wait, serialLine);
        } else {
            status.setText(f.statusReason() == null ? f.statusLabel(english()) : t("common.labelled", f.statusLabel(english()), f.statusReason(english())));
            Div serialLine = new Div(new Span(t("common.labelPrefix", t("result.serial"))), serial);
            stepResult.add(status, serialLine);
        }
        Button records = new Button(t("wizard.result.records"), e -> getUI().ifPresent(ui -> ui.navigate(recordsRoute(f))));
        records.setId("view-records");
        records.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stepResult.add(records);
        show(stepResult);
    }

    String recordsRoute(Filing f) {
        return "insured";
    }

    String areaName(String code) {
        return services.divisions().name(code).orElse(code);
    }

    /** Prefills every field from a returned filing (修改备案). */
    void prefill(Filing f) {
        usePerson(services.registry().find(f.personIdNumber()).orElse(null));
        services.divisions().find(f.treatmentProvince()).ifPresent(p -> {
            province.setValue(p);
            if (!p.provinceLevelOnly()) {
                services.divisions().find(f.treatmentAreaCode()).ifPresent(city::setValue);
            }
        });
        insuranceType.setValue(f.insuranceType());
        selectType(f.filingType());
        startDate.setValue(f.startDate());
        endDate.setValue(f.endDate());
        contactName.setValue(f.contactName() == null ? "" : f.contactName());
        contactPhone.setValue(f.contactPhone() == null ? "" : f.contactPhone());
        contactAddress.setValue(f.contactAddress() == null ? "" : f.contactAddress());
        referral.setValue(f.referral());
        commitmentInstead.setValue(f.commitmentGiven());
        if (f.institutionCode() != null) {
            services.institutions().find(f.institutionCode()).ifPresent(institution::setValue);
        }
        updateFormForType();
    }
}
