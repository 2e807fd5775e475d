/**
 * The prepayment fund (预付金, 003 第十六–二十四条): the year's quota per paying → receiving province
 * pair ({@link cn.gov.ybj.crossprov.prepayment.Prepayments}), its usage measured on each confirmed
 * clearing month with the yellow and red warnings, the emergency top-up
 * ({@code bpmn/prepayment-top-up.bpmn}, {@link cn.gov.ybj.crossprov.prepayment.TopUps}) and the suspension
 * of a paying province's direct settlement ({@link cn.gov.ybj.crossprov.prepayment.Suspensions}, the
 * settlement module's {@code PrepaymentSuspensions}). The officers' screen 预付金. See docs/prepayment.md.
 */
@ApplicationModule(displayName = "Prepayment",
        allowedDependencies = {"calendar", "clearing", "documents", "identity", "reference", "settlement", "shared", "ui", "workflow"})
package cn.gov.ybj.crossprov.prepayment;

import org.springframework.modulith.ApplicationModule;
