/**
 * The official working-day calendar (holidays and 调休) and the engine business calendar on it.
 */
@ApplicationModule(displayName = "Working-day calendar", allowedDependencies = {"identity", "shared"})
package cn.gov.ybj.crossprov.calendar;

import org.springframework.modulith.ApplicationModule;
