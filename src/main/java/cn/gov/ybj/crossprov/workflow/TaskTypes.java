package cn.gov.ybj.crossprov.workflow;

import java.util.List;

/**
 * The user tasks a business module's processes put into the clerks' inbox. Each module that has
 * such tasks declares them in one Spring bean implementing this interface; the inbox offers every
 * contributed type in its type filter and shows the translated name in its list, so a new module
 * adds its review types without touching {@code workflow}.
 */
public interface TaskTypes {

    /** The module's task types, in the order the type filter should offer them. */
    List<TaskType> taskTypes();

    /**
     * @param taskDefinitionKey id of the user task in the BPMN model, e.g. {@code Task_ReviewFiling}
     * @param translationKey    key of its name in {@code vaadin-i18n/translations*.properties}
     */
    record TaskType(String taskDefinitionKey, String translationKey) {
    }
}
