package org.xieshang.socialreport.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.web.TodoContributor;

/** The home page's to-do: reports waiting for the proposal office's decision. */
@Component
class SocialReportTodos implements TodoContributor {

    private final SocialReportRepository reports;

    SocialReportTodos(SocialReportRepository reports) {
        this.reports = reports;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(CurrentUser user) {
        List<Todo> todos = new ArrayList<>();
        if (user.has(Role.PROPOSAL_STAFF)) {
            long pending = reports.countByStatus(ReportStatus.SUBMITTED);
            if (pending > 0) {
                todos.add(new Todo("socialreport.todo.pending", pending, "/social-reports?status=SUBMITTED", 50));
            }
        }
        return todos;
    }
}
