/**
 * Audit trail: the append-only, hash-chained record of every entity change. API: {@link org.xieshang.audit.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.xieshang.audit;
