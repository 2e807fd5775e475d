/**
 * Cross-province filing (备案) and its requests: change, cancellation, supplemental materials, chronic-disease institution choice, national-registry reporting, 办件进度.
 */
@ApplicationModule(displayName = "Filing", allowedDependencies = {"documents", "identity", "insured", "reference", "shared", "ui", "workflow", "workflow :: ui"})
package cn.gov.ybj.crossprov.filing;

import org.springframework.modulith.ApplicationModule;
