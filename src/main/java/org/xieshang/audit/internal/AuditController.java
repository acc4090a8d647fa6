package org.xieshang.audit.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.audit.AuditRecord;
import org.xieshang.audit.AuditTrail;
import org.xieshang.audit.ChainVerification;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** Recomputes the committee's hash chain: detects an entry changed or deleted by hand. */
    @GetMapping("/verify")
    ChainVerification verify() {
        CurrentUsers.requireAny(Role.ADMIN);
        return trail.verify();
    }

    @GetMapping("/entries")
    Map<String, List<AuditRecord>> entries(@RequestParam String entityType, @RequestParam String entityId) {
        CurrentUsers.requireAny(Role.ADMIN);
        return Map.of("items", trail.history(entityType, entityId));
    }
}
