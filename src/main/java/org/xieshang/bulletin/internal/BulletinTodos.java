package org.xieshang.bulletin.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.web.TodoContributor;

/** Bulletins to read and comments' follow-ups to close, for the home page. Counts only, each one query. */
@Component
@Transactional(readOnly = true)
class BulletinTodos implements TodoContributor {

    private final BulletinRecipientRepository recipients;
    private final BulletinFollowUpRepository followUps;

    BulletinTodos(BulletinRecipientRepository recipients, BulletinFollowUpRepository followUps) {
        this.recipients = recipients;
        this.followUps = followUps;
    }

    @Override
    public List<Todo> todos(CurrentUser u) {
        List<Todo> todos = new ArrayList<>();
        if (Bulletins.isStaff(u)) {
            add(todos, "todo.staff.followUps", followUps.count((r, q, cb) -> cb.isNull(r.get("doneAt"))),
                    "/follow-ups?done=false", 14);
        }
        if (u.unitId() != null && u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            add(todos, "todo.unit.followUps", followUps.count((r, q, cb) -> cb.and(cb.isNull(r.get("doneAt")),
                    cb.equal(r.get("unitId"), u.unitId()))), "/follow-ups?done=false", 23);
        }
        if (u.hasAny(Role.LEADER_GOV, Role.LEADER_CPPCC)) {
            add(todos, "todo.leader.bulletins", recipients.countByUserIdAndReadAtIsNull(u.id()), "/bulletins", 40);
        }
        return todos;
    }

    private static void add(List<Todo> todos, String key, long count, String href, int order) {
        if (count > 0) {
            todos.add(new Todo(key, count, href, order));
        }
    }
}
