/**
 * Screens of the clerk's work; {@link cn.gov.ybj.crossprov.workflow.ui.CamundaFormRenderer} is offered to the
 * other modules' review screens, so the package is a named interface.
 */
@org.springframework.modulith.NamedInterface("ui")
package cn.gov.ybj.crossprov.workflow.ui;
