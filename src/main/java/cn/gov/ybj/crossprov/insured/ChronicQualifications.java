package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.IdNumber;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * 门诊慢特病资格 of the insured area's records ({@code app.chronic_qualification}): which
 * diseases a person is approved for. Read-only here; the records come with the registry.
 */
@Service
public class ChronicQualifications {

    private static final ZoneId CHINA = ChinaTime.ZONE;
    private static final String SELECT = """
            SELECT person_id_number, disease_code, disease_name, insured_area_code, approved_on, valid_until
            FROM app.chronic_qualification
            """;
    private static final RowMapper<ChronicQualification> ROW = (rs, i) -> new ChronicQualification(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));

    private final JdbcClient jdbc;

    ChronicQualifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All qualifications of the person (valid or not), by disease code. */
    public List<ChronicQualification> of(String personIdNumber) {
        if (personIdNumber == null || personIdNumber.isBlank()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE person_id_number = :p ORDER BY disease_code")
                .param("p", normalise(personIdNumber)).query(ROW).list();
    }

    /** The person's qualifications valid today (Beijing time). */
    public List<ChronicQualification> validToday(String personIdNumber) {
        LocalDate today = today();
        return of(personIdNumber).stream().filter(q -> q.validOn(today)).toList();
    }

    /** The qualification for this disease if it is valid today (Beijing time). */
    public Optional<ChronicQualification> validToday(String personIdNumber, String diseaseCode) {
        if (personIdNumber == null || diseaseCode == null || diseaseCode.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE person_id_number = :p AND disease_code = :d")
                .param("p", normalise(personIdNumber)).param("d", diseaseCode.strip()).query(ROW).optional()
                .filter(q -> q.validOn(today()));
    }

    private static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    private static String normalise(String idNumber) {
        return IdNumber.canonical(idNumber);
    }
}
