package org.xieshang.audit.internal;

import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xieshang.audit.AuditTrail;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/** The committee office checks that the audit trail is intact: every entry recomputed along the hash chain. */
@PageController
class AuditPages implements NavContributor {

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.has(Role.ADMIN) ? List.of(new NavItem("nav.audit", "/audit", 95)) : List.of();
    }

    @GetMapping("/audit")
    String verify(Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        model.addAttribute("result", trail.verify());
        return "audit/verify";
    }
}
