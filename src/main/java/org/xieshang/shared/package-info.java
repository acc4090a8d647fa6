/**
 * Shared kernel: the current user, committee (tenant) context, error types, paging and web
 * infrastructure used by every module. Open on purpose: it holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.xieshang.shared;
