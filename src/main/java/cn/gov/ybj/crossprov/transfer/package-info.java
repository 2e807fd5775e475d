/**
 * 医疗保险关系转移接续: transfer-out and transfer-in of a person's medical insurance between two
 * pooling areas, one case across both areas' clerks, the 参保凭证 and 信息表, and the progress query.
 */
@ApplicationModule(displayName = "Transfer", allowedDependencies = {"calendar", "documents", "identity", "insured",
        "reference", "shared", "ui", "workflow", "workflow :: ui"})
package cn.gov.ybj.crossprov.transfer;

import org.springframework.modulith.ApplicationModule;
