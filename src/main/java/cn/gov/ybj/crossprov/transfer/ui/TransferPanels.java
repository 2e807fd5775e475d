package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.transfer.TransferPrints;
import cn.gov.ybj.crossprov.transfer.TransferProgress;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The parts the transfer screens share: the 申报信息 of an application, a case, its steps and its documents. */
final class TransferPanels {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private TransferPanels() {
    }

    /** 参保人员申报信息 after 查询, in the order of seed 001's screens, with the 手机号码 to fill in among the person's data. */
    static Component preview(Component owner, TransferCases.Preview p, Component phone) {
        VerticalLayout all = new VerticalLayout();
        all.setPadding(false);
        all.setId("transfer-preview");
        FormLayout person = form();
        item(person, owner, "transfer.personName", "preview-name", p.personName());
        item(person, owner, "transfer.idType", null, owner.getTranslation("transfer.idType.value"));
        item(person, owner, "transfer.idNumber", "preview-id", p.maskedIdNumber());
        item(person, owner, "transfer.insuranceType", null, typeLabel(owner, p.insuranceType()));
        person.add(phone);
        FormLayout out = form();
        item(out, owner, "transfer.areaName", "preview-out-area", p.out().areaName());
        item(out, owner, "transfer.agencyName", "preview-out-agency", p.out().agencyName());
        item(out, owner, "transfer.insuranceType", null, typeLabel(owner, p.insuranceType()));
        FormLayout in = form();
        item(in, owner, "transfer.areaName", "preview-in-area", p.in().areaName());
        item(in, owner, "transfer.agencyName", "preview-in-agency", p.in().agencyName());
        item(in, owner, "transfer.bankAccountName", "preview-bank-account-name", p.in().bankAccountName());
        item(in, owner, "transfer.bankName", "preview-bank-name", p.in().bankName());
        item(in, owner, "transfer.bankAccountNo", "preview-bank-account-no", p.in().bankAccountNo());
        FormLayout outInsurance = form();
        item(outInsurance, owner, "transfer.insuranceType", null, typeLabel(owner, p.insuranceType()));
        item(outInsurance, owner, "transfer.periods", "preview-periods", p.outPeriods().isEmpty() ? "—"
                : String.join(owner.getTranslation("common.listSeparator"), p.outPeriods().stream().map(pr -> months(owner, pr.from(), pr.to())).toList()));
        item(outInsurance, owner, "transfer.months", "preview-months", String.valueOf(p.outMonths()));
        item(outInsurance, owner, "transfer.status", "preview-status", Errors.english(owner) ? p.outStatus().labelEn() : p.outStatus().label());
        item(outInsurance, owner, "transfer.personType", null, Errors.english(owner) ? p.personType().labelEn() : p.personType().label());
        item(outInsurance, owner, "transfer.balance", "preview-balance", yuan(p.balance()));
        FormLayout inInsurance = form();
        item(inInsurance, owner, "transfer.insuranceType", null, typeLabel(owner, p.insuranceType()));
        item(inInsurance, owner, "transfer.status", null, owner.getTranslation("transfer.inStatus"));
        item(inInsurance, owner, "transfer.personType", null, Errors.english(owner) ? p.personType().labelEn() : p.personType().label());
        all.add(new H3(owner.getTranslation("transfer.section.person")), person,
                new H3(owner.getTranslation("transfer.section.outAgency")), out,
                new H3(owner.getTranslation("transfer.section.inAgency")), in,
                new H3(owner.getTranslation("transfer.section.outInsurance")), outInsurance,
                new H3(owner.getTranslation("transfer.section.inInsurance")), inInsurance);
        return all;
    }

    /** A case as its detail screen and the clerk's task show it. */
    static Component details(Component owner, TransferCase c, String outAreaName, String inAreaName) {
        boolean en = Errors.english(owner);
        FormLayout f = form();
        f.setId("transfer-details");
        item(f, owner, "transfer.serialNo", "case-serial", String.valueOf(c.getSerialNo()));
        item(f, owner, "transfer.direction", "case-direction", en ? c.getDirection().labelEn() : c.getDirection().label());
        item(f, owner, "transfer.caseStatus", "case-status", en ? c.getStatus().labelEn() : c.getStatus().label());
        item(f, owner, "transfer.personName", "case-person", c.getPersonName());
        item(f, owner, "transfer.idNumber", "case-id", c.getMaskedIdNumber());
        item(f, owner, "transfer.phone", null, c.getPhone());
        item(f, owner, "transfer.insuranceType", null, typeLabel(owner, c.getInsuranceType()));
        item(f, owner, "transfer.outArea", "case-out-area", outAreaName);
        item(f, owner, "transfer.inArea", "case-in-area", inAreaName);
        item(f, owner, "transfer.submittedAt", null, TIME.format(c.getSubmittedAt()));
        if (c.getCertificateNo() != null) {
            item(f, owner, "transfer.certificateNo", "case-certificate-no", c.getCertificateNo());
            item(f, owner, "transfer.periods", null, months(owner, c.getOutFirstMonth(), c.getOutLastMonth()));
            item(f, owner, "transfer.months", null, String.valueOf(c.getOutMonths()));
            item(f, owner, "transfer.balance", "case-balance", yuan(c.getBalance()));
        }
        if (c.getAccumulatedMonths() != null) {
            item(f, owner, "transfer.accumulatedMonths", "case-accumulated", String.valueOf(c.getAccumulatedMonths()));
        }
        if (c.getRefuseReason() != null) {
            item(f, owner, "transfer.refuseReason", "case-refuse-reason", c.getRefuseReason());
        }
        return f;
    }

    /** 办理进度: the steps in order, the current one in blue (as the seed marks it), the refused one in red. */
    static Component steps(Component owner, TransferProgress.Progress progress) {
        boolean en = Errors.english(owner);
        VerticalLayout list = new VerticalLayout();
        list.setId("transfer-steps");
        list.setPadding(false);
        list.setSpacing(false);
        for (TransferProgress.Step s : progress.steps()) {
            Div row = new Div();
            row.getElement().setAttribute("data-step", s.activityId());
            row.getElement().setAttribute("data-state", s.state().name());
            row.getStyle().set("padding", "var(--lumo-space-xs) 0");
            Span name = new Span((en ? s.nameEn() : s.name()) + " · " + s.areaName());
            name.getStyle().set("font-weight", "600");
            switch (s.state()) {
                case CURRENT -> name.getStyle().set("color", "var(--lumo-primary-text-color)");
                case REFUSED -> name.getStyle().set("color", "var(--lumo-error-text-color)");
                case PENDING -> name.getStyle().set("color", "var(--lumo-disabled-text-color)");
                default -> name.getStyle().set("color", "var(--lumo-success-text-color)");
            }
            Span state = new Span(" " + owner.getTranslation("transfer.step." + s.state().name()));
            StringBuilder when = new StringBuilder();
            if (s.ended() != null && s.state() != TransferProgress.StepState.CURRENT) {
                when.append(" ").append(TIME.format(s.ended()));
            } else if (s.started() != null) {
                when.append(" ").append(owner.getTranslation("transfer.step.since", TIME.format(s.started())));
            }
            if (s.state() == TransferProgress.StepState.CURRENT && s.due() != null) {
                when.append(" ").append(owner.getTranslation("transfer.step.due", TIME.format(s.due())));
            }
            row.add(name, state, new Span(when.toString()));
            String text = note(owner, progress.transfer(), s);
            if (text != null) {
                Span note = new Span(" — " + text);
                note.addClassName("step-note");
                row.add(note);
            }
            list.add(row);
        }
        return list;
    }

    /** A step's note in the UI language; a refusal reason is shown as the clerk wrote it. */
    private static String note(Component owner, TransferCase c, TransferProgress.Step s) {
        if (s.note() == null || s.state() == TransferProgress.StepState.REFUSED) {
            return s.note();
        }
        return switch (s.activityId()) {
            case "StartEvent_TransferApplied" -> owner.getTranslation("transfer.step.note.serial", String.valueOf(c.getSerialNo()));
            case TransferCases.TRANSFER_OUT_TASK -> owner.getTranslation("transfer.step.note.certificate", c.getCertificateNo());
            case TransferCases.TRANSFER_IN_TASK ->
                    owner.getTranslation("transfer.step.note.months", String.valueOf(c.getAccumulatedMonths()));
            default -> s.note();
        };
    }

    /**
     * 查看 (inline in a new tab) and 下载 of both documents, once the case has been transferred out;
     * the ids end with the 流水号, as the print screen lists several cases.
     */
    static Component documents(Component owner, AppUser user, TransferCase c, TransferPrints prints) {
        HorizontalLayout links = new HorizontalLayout();
        long serial = c.getSerialNo();
        links.setId("documents-" + serial);
        if (c.getCertificateNo() == null) {
            links.add(new Span(owner.getTranslation("transfer.documents.none")));
            return links;
        }
        UUID id = c.getId();
        links.add(link(owner, "certificate-view-" + serial, "transfer.certificate.view", "参保凭证-" + c.getCertificateNo() + ".pdf",
                () -> prints.certificate(user, id), true));
        links.add(link(owner, "certificate-download-" + serial, "transfer.certificate.download", "参保凭证-" + c.getCertificateNo() + ".pdf",
                () -> prints.certificate(user, id), false));
        links.add(link(owner, "sheet-download-" + serial, "transfer.sheet.download", "信息表-" + c.getCertificateNo() + ".pdf",
                () -> prints.informationSheet(user, id), false));
        return links;
    }

    private static Anchor link(Component owner, String id, String key, String fileName, Supplier<Optional<byte[]>> pdf,
                               boolean inline) {
        // checked again when the link is followed: a case no longer visible to the user gives 404
        InputStreamDownloadHandler handler = DownloadHandler.fromInputStream(event -> pdf.get()
                .map(bytes -> new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/pdf", bytes.length))
                .orElseGet(() -> DownloadResponse.error(404)));
        if (inline) {
            handler = handler.inline();
        }
        Anchor a = new Anchor(handler, owner.getTranslation(key));
        a.setId(id);
        if (inline) {
            a.setTarget("_blank");
        }
        return a;
    }

    static String typeLabel(Component owner, cn.gov.ybj.crossprov.insured.InsuranceType type) {
        return type == null ? "" : owner.getTranslation("transfer.type." + type.name());
    }

    static String months(Component owner, YearMonth from, YearMonth to) {
        return owner.getTranslation("transfer.period", from == null ? "—" : from.toString(),
                to == null ? owner.getTranslation("transfer.period.open") : to.toString());
    }

    static String yuan(Money m) {
        return m == null ? "—" : "¥" + m.yuan().toPlainString();
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    private static FormLayout form() {
        FormLayout f = new FormLayout();
        f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        return f;
    }

    private static void item(FormLayout f, Component owner, String labelKey, String id, String value) {
        Span s = new Span(value == null || value.isBlank() ? "—" : value);
        if (id != null) {
            s.setId(id);
        }
        f.addFormItem(s, owner.getTranslation(labelKey));
    }
}
