package cn.gov.ybj.crossprov.workflow.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clerk's inbox over REST, as the 待办任务 screen shows it: the area's tasks, escalated
 * first, then by due date; each with the summary its module gives. Another area's task answers 404.
 */
@RestController
@Tag(name = "经办待办 / Inbox")
class InboxApiController {

    private final CurrentUser currentUser;
    private final ClerkInbox inbox;
    private final List<CaseSummaries> summaries;

    InboxApiController(CurrentUser currentUser, ClerkInbox inbox, List<CaseSummaries> summaries) {
        this.currentUser = currentUser;
        this.inbox = inbox;
        this.summaries = summaries;
    }

    record InboxItem(String taskId, String name, String taskDefinitionKey, Instant created, Instant due, boolean overdue,
                     boolean escalated, String assignee, int priority, CaseSummaries.CaseSummary summary) {
    }

    @GetMapping("/api/inbox")
    @Operation(summary = "经办待办：本统筹区的候选任务，已督办的在前，再按到期时间 / The clerk's area tasks, escalated first, then by due date")
    Map<String, Object> inbox(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit,
                              @RequestParam(required = false) String type,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @RequestParam(defaultValue = "false") boolean escalated) {
        AppUser user = currentUser.require();
        int size = Math.max(1, Math.min(limit, 200));
        ClerkInbox.Filter filter = new ClerkInbox.Filter(type == null || type.isBlank() ? null : type.strip(), null, null,
                overdue, escalated);
        List<ClerkInbox.Item> items = inbox.page(user, filter, Math.max(0, offset), size);
        List<String> cases = items.stream().map(ClerkInbox.Item::processInstanceId).toList();
        Map<String, CaseSummaries.CaseSummary> byCase = new HashMap<>();
        summaries.forEach(s -> byCase.putAll(s.summarize(cases)));
        Instant now = Instant.now();
        return Map.of("total", inbox.count(user, filter), "items", items.stream()
                .map(i -> new InboxItem(i.taskId(), i.name(), i.taskDefinitionKey(), i.created(), i.due(), i.overdue(now),
                        i.escalated(), i.assignee(), i.priority(), byCase.get(i.processInstanceId()))).toList());
    }

    @PostMapping("/api/inbox/{taskId}/claim")
    @Operation(summary = "认领任务 / Claim a task")
    ResponseEntity<Void> claim(@PathVariable String taskId) {
        inbox.claim(currentUser.require(), taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/inbox/{taskId}/unclaim")
    @Operation(summary = "退回任务到组 / Give a claimed task back to the group")
    ResponseEntity<Void> unclaim(@PathVariable String taskId) {
        inbox.unclaim(currentUser.require(), taskId);
        return ResponseEntity.noContent().build();
    }
}
