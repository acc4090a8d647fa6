/**
 * First start (committee and admin) and the demo committee. API: {@link org.xieshang.setup.CommitteeProvisioning}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "calendar", "committee", "identity", "member", "activity", "proposal", "socialreport", "keywork", "assessment", "evaluation" })
package org.xieshang.setup;
