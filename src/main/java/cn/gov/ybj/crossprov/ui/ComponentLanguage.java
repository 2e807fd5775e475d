package cn.gov.ybj.crossprov.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.List;
import java.util.function.Function;

/**
 * Vaadin's own texts of its components (Upload's "Upload Files… / Drop files here", DatePicker's months and
 * buttons) in the UI's language: the components come with English only. Applied by {@link MainLayout} to every
 * screen after navigation, from the {@code vaadin.*} keys of the translation files.
 */
final class ComponentLanguage {

    private ComponentLanguage() {
    }

    static void apply(Component root) {
        Function<String, String> t = root::getTranslation;
        UploadI18N upload = upload(t);
        DatePicker.DatePickerI18n datePicker = datePicker(t);
        walk(root, upload, datePicker);
    }

    private static void walk(Component c, UploadI18N upload, DatePicker.DatePickerI18n datePicker) {
        if (c instanceof Upload u) {
            u.setI18n(upload);
        } else if (c instanceof DatePicker d) {
            d.setI18n(datePicker);
        }
        c.getChildren().forEach(child -> walk(child, upload, datePicker));
    }

    static UploadI18N upload(Function<String, String> t) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("vaadin.upload.dropFiles.one"))
                .setMany(t.apply("vaadin.upload.dropFiles.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t.apply("vaadin.upload.addFiles.one"))
                .setMany(t.apply("vaadin.upload.addFiles.many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t.apply("vaadin.upload.error.tooManyFiles"))
                .setFileIsTooBig(t.apply("vaadin.upload.error.fileIsTooBig"))
                .setIncorrectFileType(t.apply("vaadin.upload.error.incorrectFileType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t.apply("vaadin.upload.status.connecting"))
                        .setStalled(t.apply("vaadin.upload.status.stalled"))
                        .setProcessing(t.apply("vaadin.upload.status.processing"))
                        .setHeld(t.apply("vaadin.upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t.apply("vaadin.upload.remaining.prefix"))
                        .setUnknown(t.apply("vaadin.upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t.apply("vaadin.upload.failed.serverUnavailable"))
                        .setUnexpectedServerError(t.apply("vaadin.upload.failed.unexpectedServerError"))
                        .setForbidden(t.apply("vaadin.upload.failed.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(t.apply("vaadin.upload.file.retry"))
                .setStart(t.apply("vaadin.upload.file.start")).setRemove(t.apply("vaadin.upload.file.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }

    static DatePicker.DatePickerI18n datePicker(Function<String, String> t) {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(List.of(t.apply("vaadin.datePicker.months").split(",")))
                .setWeekdays(List.of(t.apply("vaadin.datePicker.weekdays").split(",")))
                .setWeekdaysShort(List.of(t.apply("vaadin.datePicker.weekdaysShort").split(",")))
                .setFirstDayOfWeek(Integer.parseInt(t.apply("vaadin.datePicker.firstDayOfWeek")))
                .setToday(t.apply("vaadin.datePicker.today"))
                .setCancel(t.apply("vaadin.datePicker.cancel"))
                // the date as the seeds and the API write it, in either language
                .setDateFormat("yyyy-MM-dd")
                .setBadInputErrorMessage(t.apply("vaadin.datePicker.badInput"));
    }
}
