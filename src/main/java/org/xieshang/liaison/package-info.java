/**
 * Member liaison (委员联系, DESIGN §3): yearly plans that rotate which members each CPPCC leader
 * and standing committee member looks after, contact logs with their follow-ups, compliance and
 * reminders. Public API: {@link org.xieshang.liaison.LiaisonContacts} and the events
 * {@link org.xieshang.liaison.LiaisonContactLogged} and {@link org.xieshang.liaison.ProposalLeadRaised}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "calendar", "committee", "member", "notification" })
package org.xieshang.liaison;
