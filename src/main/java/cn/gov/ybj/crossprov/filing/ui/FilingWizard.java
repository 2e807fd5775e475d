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
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
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
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    static final int MAX_FILES = 5;
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
    /** the accepted files, as they go with the application */
    final List<FilingApplication.Material> uploaded = new CopyOnWriteArrayList<>();
    /** every file received, accepted or refused, as listed beside the Upload */
    final List<UploadedFile> files = new ArrayList<>();
    final VerticalLayout fileList = new VerticalLayout();
    /** 修改备案: the materials already on the filing, and those the person took off (gone only on resubmission) */
    final VerticalLayout onFileList = new VerticalLayout();
    List<FilingMaterial> onFile = List.of();
    final Set<UUID> removedOnFile = new LinkedHashSet<>();
    final Checkbox commitmentInstead = new Checkbox();
    final Button formContinue = new Button();
    // commitment
    final Checkbox commitmentAccepted = new Checkbox();
    final Button submit = new Button();

    /** the person the filing is for (own record, family member's record, or the walk-in person) */
    InsuranceRecord person;
    private InsuranceRecord own;
    /** the fields the banner's refusal is about; empty: about no field in particular, any change clears it */
    private final Set<Component> bannerCause = new HashSet<>();

    /** A received file: accepted (with its material) or refused (with the reason shown). */
    record UploadedFile(String fileName, FilingApplication.Material material, String refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    FilingWizard(WizardServices services, Mode mode) {
        this.services = services;
        this.mode = mode;
        this.actor = services.currentUser().require();
        formError.setId("form-error");
        formError.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        formError.setVisible(false);
        // the in-memory handler calls back inside the UI's lock: the file is checked and listed at once
        upload = new Upload(UploadHandler.inMemory((meta, data) -> received(meta.fileName(), data)));
        add(formError, stepChoose, stepNotice, stepForm, stepCommitment, stepResult);
        buildChoose();
        buildNotice();
        buildForm();
        buildCommitment();
        watchFields();
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

    /** 修改备案: the returned filing being corrected, whose own period does not count as an overlap */
    UUID replacing() {
        return null;
    }

    /** A refusal goes when its cause is fixed: a field the person changes drops its error and the banner about it. */
    private void watchFields() {
        List<HasValue<?, ?>> fields = List.of(personName, personIdNumber, forWhom, familyMember, province, city, insuranceType,
                longTermTypes, temporaryTypes, emergencyType, startDate, endDate, contactName, contactPhone, contactAddress,
                referral, institution, commitmentInstead);
        for (HasValue<?, ?> field : fields) {
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    changed((Component) field);
                }
            });
        }
        // a walk-in person looked up once is looked up again after their name or ID number changes
        personName.addValueChangeListener(e -> forgetWalkIn());
        personIdNumber.addValueChangeListener(e -> forgetWalkIn());
        for (var field : List.of(personIdNumber, contactName, contactPhone, contactAddress)) {
            field.setManualValidation(true); // the built-in check would drop our error on the next blur
        }
        for (var field : List.of(startDate, endDate)) {
            field.setManualValidation(true);
        }
        institution.setManualValidation(true);
        province.setManualValidation(true);
        city.setManualValidation(true);
    }

    private void forgetWalkIn() {
        if (mode == Mode.COUNTER && person != null) {
            usePerson(null);
        }
    }

    void changed(Component field) {
        if (field instanceof HasValidation v && v.isInvalid()) {
            v.setInvalid(false);
            v.setErrorMessage(null);
        }
        if (formError.isVisible() && (bannerCause.isEmpty() || bannerCause.contains(field))) {
            Errors.clear(formError);
            bannerCause.clear();
        }
    }

    /** The banner (and its toast) about the fields given; it clears when one of them changes. */
    void banner(String text, Collection<? extends Component> causes) {
        bannerCause.clear();
        bannerCause.addAll(causes);
        Errors.showText(formError, text);
    }

    /** The refusals of one step: each at its field, the first also in the banner. */
    final class Problems {
        private String first;
        private final List<Component> causes = new ArrayList<>();

        void at(String text, Component... fields) {
            if (text == null) {
                return;
            }
            if (first == null) {
                first = text;
                causes.addAll(List.of(fields)); // the banner says the first refusal: it goes when its fields change
            }
            for (Component field : fields) {
                if (field instanceof HasValidation v) {
                    v.setErrorMessage(text);
                    v.setInvalid(true);
                }
            }
        }

        /** Shows them; true when there were any (the wizard stays on the step). */
        boolean shown() {
            if (first == null) {
                return false;
            }
            banner(first, causes);
            return true;
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
                banner(t("wizard.person.notFound"), List.of(personName, personIdNumber));
                return;
            }
            if (!found.get().poolingAreaCode().equals(actor.unitCode())) {
                usePerson(null);
                banner(t("wizard.person.otherArea"), List.of(personName, personIdNumber));
                return;
            }
            usePerson(found.get());
        } catch (InvalidIdNumberException e) {
            String[] parts = e.getMessage().split(" / ", 2);
            String text = english() && parts.length > 1 ? parts[1] : parts[0];
            personIdNumber.setErrorMessage(text);
            personIdNumber.setInvalid(true);
            usePerson(null);
            banner(text, List.of(personIdNumber));
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
        Problems problems = new Problems();
        if (person == null) {
            if (mode == Mode.COUNTER) {
                problems.at(t("wizard.error.lookupFirst"), personIdNumber);
            } else {
                problems.at(t("wizard.error.person"), familyMember);
            }
        }
        if (treatmentAreaCode() == null) {
            problems.at(t("wizard.error.treatmentArea"), province.getValue() == null ? province : city);
        }
        if (insuranceType.getValue() == null) {
            problems.at(t("wizard.error.insuranceType"), insuranceType);
        }
        if (filingType() == null) {
            problems.at(t("wizard.error.filingType"), longTermTypes, temporaryTypes);
        }
        if (problems.shown()) {
            return;
        }
        updateFormForType();
        show(stepNotice);
    }

    // ---------------------------------------------------------------- step 2: notice

    private void buildNotice() {
        Div text = FilingPages.letter(this, FilingManagement::noticeText, "notice-text");
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
        upload.setMaxFiles(MAX_FILES);
        // the Upload's own list would show ✓ for any file the server took; ours shows what the check said
        upload.addFileRejectedListener(e -> addFile(new UploadedFile(e.getFileName(), null, e.getErrorMessage())));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        fileList.setId("material-files");
        fileList.setPadding(false);
        fileList.setSpacing(false);
        fileList.setVisible(false);
        onFileList.setId("materials-on-file");
        onFileList.setPadding(false);
        onFileList.setSpacing(false);
        onFileList.setVisible(false);
        commitmentInstead.setId("commitment-instead");
        commitmentInstead.setLabel(t("wizard.commitmentInstead"));
        commitmentInstead.addValueChangeListener(e -> {
            upload.setVisible(!Boolean.TRUE.equals(e.getValue()));
            renderFiles();
        });
        formContinue.setId("form-continue");
        formContinue.setText(t("wizard.next"));
        formContinue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formContinue.addClickListener(e -> formContinue());
        Button back = new Button(t("wizard.back"), e -> show(stepNotice));
        back.setId("form-back");
        FormLayout fields = new FormLayout(startDate, endDate, contactName, contactPhone, contactAddress, referral);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        stepForm.add(new H3(t("wizard.form.title")), fields, institution, new H3(t("wizard.materials")), materialsHint, onFileList, upload,
                fileList, commitmentInstead, new HorizontalLayout(back, formContinue));
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

    /** Every rule of this step is checked here, at its field; submission checks them all again. */
    private void formContinue() {
        Errors.clear(formError);
        FilingType type = filingType();
        LocalDate start = startDate.getValue();
        LocalDate end = endDate.getValue();
        Problems problems = new Problems();
        problems.at(start == null ? t("wizard.error.dates") : null, startDate);
        problems.at(end == null ? t("wizard.error.dates") : null, endDate);
        if (start != null && end != null && end.isBefore(start)) {
            problems.at(t("wizard.error.dateOrder"), endDate);
        } else if (start != null && end != null && person != null) {
            // the service's own rule: date window and no overlap with the person's filings under review or opened
            problems.at(refusal(() -> services.filings().checkPeriod(actor, person.idNumber(), start, end, replacing())),
                    startDate, endDate);
        }
        for (TextField field : List.of(contactName, contactPhone, contactAddress)) {
            problems.at(field.getValue().isBlank() ? t("wizard.error.contact") : null, field);
        }
        if (!contactPhone.getValue().isBlank()) {
            problems.at(refusal(() -> FilingManagement.checkPhone(contactPhone.getValue())), contactPhone);
        }
        if (type != null && type.needsInstitution() && institution.getValue() == null) {
            problems.at(t("wizard.error.institution"), institution);
        }
        boolean commitment = commitmentInstead.getValue();
        if (!commitment && files.stream().anyMatch(UploadedFile::refused)) {
            problems.at(t("wizard.upload.removeRefused"), upload);
        }
        if (type != null && type.material() != null && uploaded.isEmpty() && materialsKept() == 0 && !commitment) {
            problems.at(t(type.commitmentAllowed() ? "wizard.error.materialsOrCommitment" : "wizard.error.materials"), upload);
        }
        if (problems.shown()) {
            return;
        }
        show(stepCommitment);
    }

    /** The refusal of a check in the UI language, or null when it passes. */
    private String refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (BusinessRuleException e) {
            return Errors.message(this, e);
        }
    }

    // ---------------------------------------------------------------- materials

    /** A file the Upload received: checked by content as submission will check it, then listed. */
    private void received(String fileName, byte[] data) {
        FilingApplication.Material material = new FilingApplication.Material(materialKind(), fileName, data);
        String refused = uploaded.size() >= MAX_FILES ? t("wizard.upload.tooMany", MAX_FILES)
                : refusal(() -> FilingManagement.checkMaterial(material));
        addFile(new UploadedFile(fileName, refused == null ? material : null, refused));
    }

    private void addFile(UploadedFile file) {
        files.add(file);
        if (!file.refused()) {
            uploaded.add(file.material());
        }
        changed(upload);
        renderFiles();
    }

    void removeFile(UploadedFile file) {
        files.remove(file);
        if (!file.refused()) {
            uploaded.removeIf(m -> m == file.material());
        }
        changed(upload);
        renderFiles();
    }

    private void renderFiles() {
        fileList.removeAll();
        for (int i = 0; i < files.size(); i++) {
            UploadedFile file = files.get(i);
            Span name = new Span(file.fileName());
            Span state = new Span(file.refused() ? "✗ " + t("common.labelled", t("wizard.upload.refused"), file.refusal())
                    : "✓ " + t("wizard.upload.accepted"));
            state.setId("material-state-" + i);
            state.addClassNames(file.refused() ? LumoUtility.TextColor.ERROR : LumoUtility.TextColor.SUCCESS);
            Button remove = new Button(t("wizard.upload.remove"), e -> removeFile(file));
            remove.setId("material-remove-" + i);
            remove.setAriaLabel(t("wizard.upload.remove") + " " + file.fileName());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(name, state, remove);
            row.setId("material-" + i);
            row.setAlignItems(Alignment.CENTER);
            row.getStyle().set("flex-wrap", "wrap");
            fileList.add(row);
        }
        fileList.setVisible(!files.isEmpty() && upload.isVisible());
    }

    /** 修改备案: lists the materials already on the filing, each to be taken off with the resubmission. */
    void showMaterialsOnFile(List<FilingMaterial> materials) {
        onFile = List.copyOf(materials);
        removedOnFile.clear();
        renderOnFile();
    }

    long materialsKept() {
        return onFile.stream().filter(m -> !removedOnFile.contains(m.id())).count();
    }

    private void renderOnFile() {
        onFileList.removeAll();
        onFileList.setVisible(!onFile.isEmpty());
        if (onFile.isEmpty()) {
            return;
        }
        Span title = new Span(t("wizard.onFile.title"));
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        onFileList.add(title);
        for (int i = 0; i < onFile.size(); i++) {
            FilingMaterial m = onFile.get(i);
            boolean removed = removedOnFile.contains(m.id());
            Span name = new Span(m.fileName());
            if (removed) {
                name.getStyle().set("text-decoration", "line-through");
            }
            Span state = new Span(removed ? t("wizard.onFile.removed") : "✓");
            state.setId("on-file-state-" + i);
            state.addClassNames(removed ? LumoUtility.TextColor.SECONDARY : LumoUtility.TextColor.SUCCESS);
            Button toggle = new Button(t(removed ? "wizard.onFile.undo" : "wizard.upload.remove"), e -> {
                if (!removedOnFile.remove(m.id())) {
                    removedOnFile.add(m.id());
                }
                changed(upload);
                renderOnFile();
            });
            toggle.setId("on-file-remove-" + i);
            toggle.setAriaLabel(toggle.getText() + " " + m.fileName());
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(name, state, toggle);
            row.setId("on-file-" + i);
            row.setAlignItems(Alignment.CENTER);
            onFileList.add(row);
        }
    }

    // ---------------------------------------------------------------- step 4: commitment

    private void buildCommitment() {
        Div text = FilingPages.letter(this, FilingManagement::commitmentText, "commitment-text");
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
            banner(Errors.message(this, e), List.of());
        } catch (RuntimeException e) {
            // an unexpected failure rolled the submission back: keep the input and let the person retry
            LoggerFactory.getLogger(FilingWizard.class).warn("Filing submission failed: {}", e.toString());
            banner(t("wizard.error.retry"), List.of());
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
            stepResult.add(status, fields, services.registrationForm(services.currentUser().require(), f, t("filing.registrationForm")),
                    services.receipt(services.currentUser().require(), f, t("filing.receipt")));
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
