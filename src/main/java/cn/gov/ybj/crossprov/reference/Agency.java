package cn.gov.ybj.crossprov.reference;

/**
 * 异地就医经办机构: the agency of one pooling area, as the public 经办机构查询 shows it
 * (never the bank account).
 *
 * @param no           序号: position in the result, 1-based, stable for a filter
 * @param areaCode     the pooling area's GB/T 2260 code
 * @param areaName     统筹区, e.g. 福建省厦门市
 * @param provinceName 所属省份
 */
public record Agency(long no, String areaCode, String areaName, String provinceCode, String provinceName,
                     String name, String address, String phone) {
}
