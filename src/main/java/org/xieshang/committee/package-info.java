/**
 * Committees (tenants) and their reference data: sectors, units, special committees, terms and sessions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.xieshang.committee;
