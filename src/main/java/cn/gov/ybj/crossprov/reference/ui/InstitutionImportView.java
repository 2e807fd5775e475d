package cn.gov.ybj.crossprov.reference.ui;

import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * 定点医疗机构导入: a process admin uploads the CSV of designated institutions; the result is
 * the counts, or the per-row error report (and then nothing was written: the import runs in
 * one transaction). Larger files go through {@code POST /api/admin/institutions/import}.
 */
@Route(value = "admin/institutions/import", layout = MainLayout.class)
@Menu(title = "nav.admin.import", order = 270)
@RolesAllowed(Roles.PROCESS_ADMIN)
public class InstitutionImportView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(InstitutionImportView.class);
    /** the servlet's multipart limit is 11 MB; about 100,000 rows */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    private final InstitutionImport importer;
    private final Span result = new Span();
    private final Grid<InstitutionImport.RowError> errors = new Grid<>();

    public InstitutionImportView(InstitutionImport importer) {
        this.importer = importer;
        H2 title = new H2(getTranslation("admin.import.title"));
        title.setId("view-title");
        Paragraph hint = new Paragraph(getTranslation("admin.import.hint", InstitutionImport.HEADER));
        hint.addClassNames(LumoUtility.TextColor.SECONDARY);

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> show(metadata.fileName(), bytes)));
        upload.setId("upload");
        upload.setAcceptedFileTypes("text/csv", ".csv", ".txt");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setUploadButton(new Button(getTranslation("admin.import.choose")));
        upload.setDropLabel(new Span(getTranslation("admin.import.drop")));
        upload.addFileRejectedListener(e -> showFailure(getTranslation("admin.import.rejected", e.getErrorMessage()), List.of()));
        // one file at a time: clear the list after each import so the next upload is accepted
        upload.addAllFinishedListener(e -> upload.clearFileList());

        result.setId("import-result");
        errors.setId("import-errors");
        errors.addColumn(InstitutionImport.RowError::line).setHeader(getTranslation("admin.import.col.line"))
                .setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(InstitutionImport.RowError::message).setHeader(getTranslation("admin.import.col.message")).setFlexGrow(1);
        errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        errors.setHeight("45vh");
        errors.setVisible(false);

        add(title, hint, upload, result, errors);
    }

    private void show(String fileName, byte[] bytes) {
        try {
            InstitutionImport.Report report = importer.importCsv(new ByteArrayInputStream(bytes), false);
            if (report.ok()) {
                result.setText(getTranslation("admin.import.done", report.rows(), report.inserted(), report.updated(), report.unchanged()));
                result.getStyle().set("color", "var(--lumo-success-text-color)");
                errors.setItems(List.of());
                errors.setVisible(false);
            } else {
                showFailure(getTranslation("admin.import.failed", report.errors().size()), report.errors());
            }
        } catch (Exception e) {
            log.warn("Institution import from the upload screen failed", e);
            showFailure(getTranslation("admin.import.error", fileName), List.of());
        }
    }

    private void showFailure(String text, List<InstitutionImport.RowError> rows) {
        result.setText(text);
        result.getStyle().set("color", "var(--lumo-error-text-color)");
        errors.setItems(rows);
        errors.setVisible(!rows.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.import.title");
    }
}
