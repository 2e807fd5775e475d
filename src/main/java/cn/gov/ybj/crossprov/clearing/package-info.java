/**
 * Monthly clearing and the prepayment fund (清算与预付金): the provincial home screen so far.
 */
@ApplicationModule(displayName = "Clearing", allowedDependencies = {"identity", "ui"})
package cn.gov.ybj.crossprov.clearing;

import org.springframework.modulith.ApplicationModule;
