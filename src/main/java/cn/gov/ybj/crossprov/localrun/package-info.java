/**
 * The local run and the tests only: embedded PostgreSQL, the Keycloak launcher, simulators and demo filings.
 */
@ApplicationModule(displayName = "Local run", allowedDependencies = {"filing", "identity", "insured", "shared", "workflow"})
package cn.gov.ybj.crossprov.localrun;

import org.springframework.modulith.ApplicationModule;
