/**
 * User accounts, sign-in, sessions and bearer tokens. API: {@link org.xieshang.identity.UserAccounts}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "committee", "document", "member" })
package org.xieshang.identity;
