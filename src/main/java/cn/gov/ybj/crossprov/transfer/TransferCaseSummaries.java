package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What the inbox shows of a transfer case: 转出/转入, 省内/跨省, both areas, the 流水号 and the applicant (name masked). */
@Component
class TransferCaseSummaries implements CaseSummaries {

    private final TransferCaseRepository cases;
    private final DivisionNames divisions;

    TransferCaseSummaries(TransferCaseRepository cases, DivisionNames divisions) {
        this.cases = cases;
        this.divisions = divisions;
    }

    @Override
    public Map<String, CaseSummary> summarize(Collection<String> processInstanceIds) {
        Map<String, CaseSummary> result = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return result;
        }
        for (TransferCase c : cases.findByProcessInstanceIdIn(processInstanceIds)) {
            result.put(c.getProcessInstanceId(), new CaseSummary(
                    "关系转移接续（" + c.getDirection().label() + "·" + scope(c) + "）" + name(c.getOutAreaCode()) + "→"
                            + name(c.getInAreaCode()),
                    "Insurance transfer (" + c.getDirection().labelEn() + " · " + scopeEn(c) + ") " + name(c.getOutAreaCode()) + " → "
                            + name(c.getInAreaCode()),
                    String.valueOf(c.getSerialNo()), PersonNames.mask(c.getPersonName()), "clerk/transfer-task/{taskId}"));
        }
        return result;
    }

    /** 省内 or 跨省: a cross-province transfer goes between two provinces' agencies */
    private static String scope(TransferCase c) {
        return RegionCode.of(c.getOutAreaCode()).sameProvince(RegionCode.of(c.getInAreaCode())) ? "省内" : "跨省";
    }

    private static String scopeEn(TransferCase c) {
        return RegionCode.of(c.getOutAreaCode()).sameProvince(RegionCode.of(c.getInAreaCode())) ? "within the province" : "cross-province";
    }

    private String name(String code) {
        return divisions.name(code).orElse(code);
    }
}
