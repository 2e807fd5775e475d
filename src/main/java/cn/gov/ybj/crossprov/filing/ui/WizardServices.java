package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingReceipts;
import cn.gov.ybj.crossprov.filing.RegistrationForms;
import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.filing.change.FilingChanges;
import cn.gov.ybj.crossprov.filing.chronic.ChronicChoices;
import cn.gov.ybj.crossprov.filing.supplement.Supplements;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.insured.FamilyMembers;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.ui.Downloads;
import com.vaadin.flow.component.html.Anchor;
import org.springframework.stereotype.Component;

/** What the filing screens call, in one bean so the route classes stay short. */
@Component
record WizardServices(CurrentUser currentUser, FilingManagement filings, FilingChanges changes,
                      FilingCancellations cancellations, Supplements supplements, ChronicChoices chronic,
                      InsuredAccounts accounts, FamilyMembers family,
                      InsuranceRegistry registry, PoolingAreas areas, Divisions divisions,
                      DesignatedInstitutions institutions, RegistrationForms forms,
                      FilingReceipts receipts,
                      AccountNames names) {

    /** 附件1 of an opened filing: the counter prints it on the spot, the person downloads it later */
    Anchor registrationForm(AppUser viewer, Filing f, String text) {
        return Downloads.anchor("registration-form", text, f.filingNumber() + "-registration-form.pdf",
                Downloads.PDF, () -> forms.pdf(viewer, f.id()).orElseThrow());
    }

    /** 备案回执 of an opened filing, masked enough to show to others */
    Anchor receipt(AppUser viewer, Filing f, String text) {
        return Downloads.anchor("filing-receipt", text, f.filingNumber() + "-receipt.pdf",
                Downloads.PDF, () -> receipts.pdf(viewer, f.id()).orElseThrow());
    }
}
