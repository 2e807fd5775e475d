/**
 * Keycloak realms, the security chains and the current user. Depends on nothing.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {})
package cn.gov.ybj.crossprov.identity;

import org.springframework.modulith.ApplicationModule;
