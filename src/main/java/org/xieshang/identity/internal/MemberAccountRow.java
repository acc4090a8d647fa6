package org.xieshang.identity.internal;

/** One row of the accounts page (the template's view): a member without an account. */
public record MemberAccountRow(Long id, String name, String sector, String status) {
}
