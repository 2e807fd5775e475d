package cn.gov.ybj.crossprov.reference.internal;

import cn.gov.ybj.crossprov.reference.Agencies;
import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.InstitutionFilter;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Public queries (no login), as on the national query system: divisions, pooling areas, agencies and designated institutions. */
@RestController
class PublicReferenceController {

    private final Divisions divisions;
    private final DesignatedInstitutions institutions;
    private final PoolingAreas poolingAreas;
    private final Agencies agencies;

    PublicReferenceController(Divisions divisions, DesignatedInstitutions institutions, PoolingAreas poolingAreas,
                              Agencies agencies) {
        this.divisions = divisions;
        this.institutions = institutions;
        this.poolingAreas = poolingAreas;
        this.agencies = agencies;
    }

    /** 统筹区开通信息查询 and 经办机构查询: opening status, filing mode and agency contact (no bank data). */
    @GetMapping("/api/public/pooling-areas")
    List<PublicPoolingArea> poolingAreas(@RequestParam(required = false) String province) {
        return poolingAreas.list(province).stream().map(a -> new PublicPoolingArea(a.code(), a.name(), a.crossProvinceOpen(),
                a.openedOn(), a.filingMode().label(), a.agencyName(), a.agencyPhone(), a.agencyAddress())).toList();
    }

    record PublicPoolingArea(String code, String name, boolean crossProvinceOpen, java.time.LocalDate openedOn,
                             String filingMode, String agencyName, String agencyPhone, String agencyAddress) {
    }

    /** Provinces, or the children of {@code parent}. */
    @GetMapping("/api/public/divisions")
    List<Divisions.Division> divisions(@RequestParam(required = false) String parent) {
        return parent == null || parent.isBlank() ? divisions.provinces() : divisions.children(parent);
    }

    @GetMapping("/api/public/institutions")
    DesignatedInstitutions.Page institutions(@RequestParam(required = false) String division,
                                             @RequestParam(required = false) String name,
                                             @RequestParam(required = false) String grade,
                                             @RequestParam(required = false) String category,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return institutions.search(new InstitutionFilter(division, name, grade, category), page, size);
    }

    /** 异地就医经办机构查询: one agency per pooling area, by division (province, city or county) and part of the name. */
    @GetMapping("/api/public/agencies")
    Agencies.Page agencies(@RequestParam(required = false) String division,
                           @RequestParam(required = false) String name,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        return agencies.search(new Agencies.Filter(division, name), page, size);
    }
}
