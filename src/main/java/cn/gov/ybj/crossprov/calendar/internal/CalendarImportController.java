package cn.gov.ybj.crossprov.calendar.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * {@code POST /api/admin/calendar/{year}} (text/csv, process admins): adds or replaces a
 * year; 422 with a per-row report and nothing written when a row is bad.
 */
@RestController
class CalendarImportController {

    private final CalendarImport importer;
    private final CurrentUser currentUser;

    CalendarImportController(CalendarImport importer, CurrentUser currentUser) {
        this.importer = importer;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/api/admin/calendar/{year}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<CalendarImport.Report> importYear(@PathVariable int year, @RequestBody byte[] csv,
                                                     @RequestParam(required = false) Boolean provisional,
                                                     @RequestParam(required = false) String source) {
        Optional<AppUser> admin = currentUser.get().filter(u -> u.hasRole(Roles.PROCESS_ADMIN));
        if (admin.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        CalendarImport.Report report = importer.importCsv(year, csv, provisional, source, admin.get().username());
        return ResponseEntity.status(report.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }
}
