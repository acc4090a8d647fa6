package org.xieshang.reminder.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's reminders for staff: those sent and those planned. */
@RestController
@Tag(name = "Proposals")
class ProposalReminderController {

    private final ProposalReminders reminders;

    ProposalReminderController(ProposalReminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/api/v1/proposals/{id}/reminders")
    Map<String, List<ProposalReminders.ReminderView>> reminders(@PathVariable Long id) {
        return Map.of("items", reminders.of(id));
    }
}
