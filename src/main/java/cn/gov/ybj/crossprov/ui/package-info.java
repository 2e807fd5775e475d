/**
 * The frame of every screen: main layout and menu, start page, language switch, error pages.
 */
@ApplicationModule(displayName = "UI shell", allowedDependencies = {"identity", "shared"})
package cn.gov.ybj.crossprov.ui;

import org.springframework.modulith.ApplicationModule;
