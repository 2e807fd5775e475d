/**
 * Engine glue and the review kit: the clerk inbox, reviews on working-day deadlines with escalation, Camunda identity and Cockpit SSO.
 */
@ApplicationModule(displayName = "Workflow", allowedDependencies = {"calendar", "identity", "shared", "ui"})
package cn.gov.ybj.crossprov.workflow;

import org.springframework.modulith.ApplicationModule;
