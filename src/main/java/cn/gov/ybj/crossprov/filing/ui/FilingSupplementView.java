package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.workflow.ui.CamundaFormRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * 补充材料 (004 §2.1.1.3, §2.2.1.4): 告知书 → upload → 提交成功. The intro text and the upload's
 * label, key and accepted types come from {@code forms/supplemental-materials.form} (a Camunda
 * Forms {@code filepicker}); the files are checked again by {@link FilingManagement}.
 */
@Route(value = "insured/filing/:id([0-9a-fA-F-]{36})/supplement", layout = MainLayout.class)
@RolesAllowed(Roles.INSURED)
public class FilingSupplementView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String FORM_ID = "supplemental-materials";

    private final WizardServices services;
    final Span formError = new Span();
    final VerticalLayout stepNotice = step("step-notice");
    final VerticalLayout stepUpload = step("step-upload");
    final VerticalLayout stepResult = step("step-result");
    final Checkbox noticeAccepted = new Checkbox();
    final Button noticeContinue = new Button();
    final List<FilingApplication.Material> uploaded = new CopyOnWriteArrayList<>();
    final Upload upload = new Upload(UploadHandler.inMemory((meta, data) -> uploaded.add(
            new FilingApplication.Material(null, meta.fileName(), data))));
    final Button submit = new Button();
    private Filing filing;
    private AppUser actor;

    public FilingSupplementView(WizardServices services) {
        this.services = services;
        // listeners once per instance: the router may reuse the view for another filing
        noticeAccepted.addValueChangeListener(e -> noticeContinue.setEnabled(Boolean.TRUE.equals(e.getValue())));
        noticeContinue.addClickListener(e -> {
            if (noticeAccepted.getValue()) {
                Errors.clear(formError);
                show(stepUpload);
            }
        });
        upload.addFileRemovedListener(e -> uploaded.removeIf(m -> m.fileName().equals(e.getFileName())));
        upload.addFileRejectedListener(e -> Errors.showText(formError, getTranslation("wizard.upload.rejected") + " " + e.getErrorMessage()));
        submit.addClickListener(e -> submit());
    }

    private static VerticalLayout step(String id) {
        VerticalLayout step = new VerticalLayout();
        step.setId(id);
        step.setPadding(false);
        return step;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("supplement.title"));
        title.setId("view-title");
        add(title);
        actor = services.currentUser().require();
        Optional<Filing> found = FilingPages.filingOrNotFound(this, services, actor, event);
        if (found.isEmpty()) {
            return;
        }
        filing = found.get();
        uploaded.clear();
        upload.clearFileList();
        Paragraph which = new Paragraph(getTranslation("common.labelled", getTranslation("result.serial"), filing.applicationSerial()));
        which.setId("supplement-filing");
        add(which);
        if (!FilingActions.allowed(filing, services.filings().options(actor, filing)).contains(FilingActions.Action.SUPPLEMENT)) {
            Paragraph unavailable = new Paragraph(getTranslation("supplement.unavailable"));
            unavailable.setId("supplement-unavailable");
            add(unavailable, new SupplementSection(services, actor, filing));
            return;
        }
        formError.setId("form-error");
        formError.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        formError.setVisible(false);
        add(formError, stepNotice, stepUpload, stepResult);
        buildNotice();
        buildUpload();
        buildResult();
        show(stepNotice);
    }

    void show(VerticalLayout step) {
        for (VerticalLayout s : List.of(stepNotice, stepUpload, stepResult)) {
            s.setVisible(s == step);
        }
    }

    private void buildNotice() {
        stepNotice.removeAll();
        Div text = FilingPages.letter(this, FilingManagement::noticeText, "notice-text");
        noticeAccepted.setId("notice-accepted");
        noticeAccepted.setLabel(getTranslation("wizard.notice.accept"));
        noticeAccepted.setValue(false);
        noticeContinue.setId("notice-continue");
        noticeContinue.setText(getTranslation("wizard.notice.continue"));
        noticeContinue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        noticeContinue.setEnabled(false);
        stepNotice.add(new H3(getTranslation("wizard.notice.title")), text, noticeAccepted, noticeContinue);
    }

    private void buildUpload() {
        stepUpload.removeAll();
        // the intro text comes through the renderer; the filepicker it skips is the Upload below
        CamundaFormRenderer intro = CamundaFormRenderer.load(FORM_ID);
        intro.setId("supplement-intro");
        JsonNode picker = filePicker();
        H4 label = new H4(CamundaFormRenderer.inLanguage(picker.path("label").asText(getTranslation("supplement.files")),
                cn.gov.ybj.crossprov.ui.Errors.english(this)));
        label.setId("supplement-files-label");
        upload.setId("supplement-" + picker.path("key").asText("files"));
        String[] accept = Stream.concat(Arrays.stream(picker.path("accept").asText(".pdf,.jpg,.jpeg,.png").split(",")),
                Stream.of("application/pdf", "image/jpeg", "image/png")).map(String::strip).toArray(String[]::new);
        upload.setAcceptedFileTypes(accept);
        upload.setMaxFileSize((int) FilingWizard.MAX_FILE_BYTES);
        upload.setMaxFiles(picker.path("multiple").asBoolean(true) ? 5 : 1);
        submit.setId("supplement-submit");
        submit.setText(getTranslation("supplement.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(true);
        Button back = new Button(getTranslation("wizard.back"), e -> show(stepNotice));
        back.setId("upload-back");
        stepUpload.add(intro, label, upload, new HorizontalLayout(back, submit));
    }

    private void buildResult() {
        stepResult.removeAll();
        H3 status = new H3(getTranslation("supplement.result.status"));
        status.setId("result-status");
        Paragraph hint = new Paragraph(getTranslation("supplement.result.hint"));
        hint.setId("result-hint");
        Button records = new Button(getTranslation("supplement.result.records"), e -> getUI().ifPresent(ui -> ui.navigate("insured")));
        records.setId("view-records");
        stepResult.add(status, hint, records);
    }

    void submit() {
        Errors.clear(formError);
        if (uploaded.isEmpty()) {
            Errors.showText(formError, getTranslation("supplement.error.noFiles"));
            return;
        }
        try {
            services.supplements().submit(actor, filing.id(), new ArrayList<>(uploaded));
            submit.setEnabled(false);
            show(stepResult);
        } catch (BusinessRuleException e) {
            Errors.show(formError, e);
        }
    }

    /** The filepicker of the form definition (label, key, accept, multiple). */
    static JsonNode filePicker() {
        try (InputStream in = FilingSupplementView.class.getResourceAsStream("/forms/" + FORM_ID + ".form")) {
            if (in == null) {
                throw new IllegalStateException("No form " + FORM_ID + " on the classpath");
            }
            for (JsonNode c : new ObjectMapper().readTree(in).path("components")) {
                if ("filepicker".equals(c.path("type").asText())) {
                    return c;
                }
            }
            throw new IllegalStateException("No filepicker in form " + FORM_ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("supplement.title");
    }
}
