/**
 * Monthly clearing and the prepayment fund (清算与预付金). {@link cn.gov.ybj.crossprov.clearing.MonthlyClearing}:
 * one clearing month per 清算所属月份 ({@link cn.gov.ybj.crossprov.clearing.ClearingMonth}), its tables 附件7–7-6
 * generated in SQL from the month's reconciled settlements ({@code settlement.ReconciledSettlements}) and
 * stored as rows, read per officer (a province sees only its own), the provinces' confirmations and
 * disputes; the month's case ({@code bpmn/monthly-clearing.bpmn}, {@link cn.gov.ybj.crossprov.clearing.ClearingTasks}),
 * the notices and the downloads. The provincial home screen. See docs/clearing.md.
 */
@ApplicationModule(displayName = "Clearing", allowedDependencies = {"calendar", "documents", "identity", "insured", "reference", "settlement", "shared", "ui", "workflow"})
package cn.gov.ybj.crossprov.clearing;

import org.springframework.modulith.ApplicationModule;
