package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.settlement.internal.SettlementQueryStore;
import cn.gov.ybj.crossprov.settlement.internal.SettlementStore;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.IdNumber;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 跨省异地就医结算信息查询 (001): an insured person sees their own and their linked family members'
 * settlements; a clerk those of persons insured in their pooling area (参保地). Anyone else, and
 * anyone asking for a settlement that is not theirs, gets nothing — the same "not found" as for a
 * number that does not exist.
 */
@Service
public class SettlementQueries {

    public static final int PERSON_LIMIT = 200;
    public static final int AREA_LIMIT = 500;
    /** a clerk's query spans at most this many days (the partitions of about a year) */
    public static final int MAX_AREA_DAYS = 366;

    private final SettlementQueryStore queries;
    private final SettlementStore store;
    private final InsuredAccounts accounts;

    SettlementQueries(SettlementQueryStore queries, SettlementStore store, InsuredAccounts accounts) {
        this.queries = queries;
        this.store = store;
        this.accounts = accounts;
    }

    /** The insured person's own and linked family members' settlements, newest first. */
    public List<SettlementSummary> ofInsured(AppUser insured) {
        if (insured == null || !insured.hasRole(Roles.INSURED)) {
            return List.of();
        }
        return queries.ofPersons(accounts.personsOf(insured), PERSON_LIMIT);
    }

    /**
     * The clerk's pooling area's settlements discharged in [from, to] (at most {@value #MAX_AREA_DAYS}
     * days), optionally of one person (ID number, exact). Bad dates or ID number: a bilingual refusal.
     */
    public List<SettlementSummary> ofArea(AppUser clerk, LocalDate from, LocalDate to, String idNumber) {
        if (clerk == null || !clerk.hasRole(Roles.CLERK) || clerk.unitCode() == null) {
            return List.of();
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new BusinessRuleException("请填写出院日期范围（起始不晚于截止）", "Enter a discharge date range (from no later than to)");
        }
        if (from.plusDays(MAX_AREA_DAYS).isBefore(to)) {
            throw new BusinessRuleException("出院日期范围最长 " + MAX_AREA_DAYS + " 天", "The discharge date range spans at most " + MAX_AREA_DAYS + " days");
        }
        String person = idNumber == null || idNumber.isBlank() ? null : IdNumber.require(idNumber);
        return queries.ofArea(clerk.unitCode(), from, to, person, AREA_LIMIT);
    }

    /** The clerk's default range: the first of last month to today. */
    public static LocalDate defaultFrom() {
        return ChinaTime.today().minusMonths(1).withDayOfMonth(1);
    }

    /** One settlement with its split, if the user may see it. */
    public Optional<HospitalSettlement> find(AppUser user, String institutionCode, String settlementNo) {
        if (user == null || institutionCode == null || settlementNo == null) {
            return Optional.empty();
        }
        return store.key(institutionCode.strip(), settlementNo.strip()).flatMap(k -> {
            Optional<SettlementStore.Row> row = store.row(k.dischargeMonth(), k.settlementId());
            Optional<HospitalSettlement> settlement = store.find(k.dischargeMonth(), k.settlementId());
            if (row.isEmpty() || settlement.isEmpty()) {
                return Optional.empty();
            }
            boolean mine = user.hasRole(Roles.INSURED) && accounts.personsOf(user).contains(row.get().personIdNumber());
            boolean area = user.hasRole(Roles.CLERK) && user.unitCode() != null
                    && user.unitCode().equals(settlement.get().insuredAreaCode());
            return mine || area ? settlement : Optional.empty();
        });
    }
}
