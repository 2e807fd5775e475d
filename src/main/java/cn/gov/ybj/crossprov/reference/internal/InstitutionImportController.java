package cn.gov.ybj.crossprov.reference.internal;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * {@code POST /api/admin/institutions/import} (text/csv, process admins): the bulk import
 * with its per-row report; 422 and nothing written when a row is bad.
 */
@RestController
class InstitutionImportController {

    private final InstitutionImport importer;
    private final CurrentUser currentUser;

    InstitutionImportController(InstitutionImport importer, CurrentUser currentUser) {
        this.importer = importer;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/api/admin/institutions/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<InstitutionImport.Report> importCsv(@RequestBody byte[] csv) throws IOException {
        if (currentUser.get().filter(u -> u.hasRole(Roles.PROCESS_ADMIN)).isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        InstitutionImport.Report report = importer.importCsv(new ByteArrayInputStream(csv), false);
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }
}
