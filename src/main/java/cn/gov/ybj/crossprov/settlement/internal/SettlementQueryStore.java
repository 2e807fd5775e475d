package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.settlement.SettlementSummary;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** SQL of 结算信息查询: a person's settlements, a pooling area's. */
@Component
public class SettlementQueryStore {

    private static final String COLUMNS = """
            SELECT institution_code, settlement_no, person_name, person_id_number, insured_area_code, medical_area_code,
                   admission_date, discharge_date, total, funds_total, personal_cash, status, emergency
            FROM app.settlement""";

    private final JdbcClient jdbc;

    SettlementQueryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The persons' settlements, newest discharge first (settlement_person_idx in every month). */
    public List<SettlementSummary> ofPersons(List<String> idNumbers, int limit) {
        if (idNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE person_id_number = ANY (?) ORDER BY discharge_date DESC, created_at DESC LIMIT " + limit)
                .param(idNumbers.toArray(String[]::new)).query(SettlementQueryStore::summary).list();
    }

    /** The settlements of persons insured in the area discharged in [from, to], optionally of one person. */
    public List<SettlementSummary> ofArea(String insuredArea, LocalDate from, LocalDate to, String idNumber, int limit) {
        List<Object> params = new ArrayList<>(List.of(insuredArea, from.withDayOfMonth(1), to.withDayOfMonth(1), from, to));
        String person = "";
        if (idNumber != null) {
            person = " AND person_id_number = ?";
            params.add(idNumber);
        }
        // discharge_month repeats the range so that only those months' partitions are read
        return jdbc.sql(COLUMNS + " WHERE insured_area_code = ? AND discharge_month BETWEEN ? AND ? AND discharge_date BETWEEN ? AND ?"
                        + person + " ORDER BY discharge_date DESC, created_at DESC LIMIT " + limit)
                .params(params).query(SettlementQueryStore::summary).list();
    }

    private static SettlementSummary summary(ResultSet rs, int n) throws SQLException {
        return new SettlementSummary(rs.getString("institution_code"), rs.getString("settlement_no"), rs.getString("person_name"),
                IdNumber.mask(rs.getString("person_id_number")), rs.getString("insured_area_code"), rs.getString("medical_area_code"),
                rs.getObject("admission_date", LocalDate.class), rs.getObject("discharge_date", LocalDate.class),
                new Money(rs.getBigDecimal("total")), new Money(rs.getBigDecimal("funds_total")),
                new Money(rs.getBigDecimal("personal_cash")), rs.getString("status"), rs.getBoolean("emergency"));
    }
}
