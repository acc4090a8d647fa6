/**
 * Members, their roles and status, and the Excel import. API: {@link org.xieshang.member.MemberDirectory}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "committee" })
package org.xieshang.member;
