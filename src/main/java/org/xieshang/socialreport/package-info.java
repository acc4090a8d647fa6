/**
 * Social-conditions reports (社情民意信息, DESIGN §7): members write short reports on public
 * sentiment (a not-filed proposal converted by the office becomes one too); the proposal office
 * edits them (the original is kept), adopts them at a level or refuses them with a reason;
 * leaders comment (批示) on adopted ones. Public API: the events {@link org.xieshang.socialreport.SocialReportSubmitted}
 * and {@link org.xieshang.socialreport.SocialReportAdopted} (for the duty record), {@link org.xieshang.socialreport.AdoptionLevel}
 * and {@link org.xieshang.socialreport.DemoSocialReports}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "committee", "document", "member", "notification", "proposal", "search" })
package org.xieshang.socialreport;
