/**
 * Divisions, pooling areas and designated institutions (参考数据): imports, public queries, screens.
 */
@ApplicationModule(displayName = "Reference data", allowedDependencies = {"identity", "shared", "ui"})
package cn.gov.ybj.crossprov.reference;

import org.springframework.modulith.ApplicationModule;
