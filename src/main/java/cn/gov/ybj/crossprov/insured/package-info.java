/**
 * The insured-person registry (参保信息), real-name binding and family members.
 */
@ApplicationModule(displayName = "Insured persons", allowedDependencies = {"identity", "reference", "shared", "ui"})
package cn.gov.ybj.crossprov.insured;

import org.springframework.modulith.ApplicationModule;
