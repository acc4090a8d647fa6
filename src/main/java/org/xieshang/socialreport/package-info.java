/**
 * Social-conditions reports (社情民意信息, DESIGN §7): members write short reports on public
 * sentiment (a not-filed proposal converted by the office becomes one too); the proposal office
 * edits them (the original is kept), adopts them at a level or refuses them with a reason;
 * adopted ones go to leaders as 社情民意专报 bulletins, whose comments (批示) are recorded on the report. Public API: the events {@link org.xieshang.socialreport.SocialReportSubmitted}
 * and {@link org.xieshang.socialreport.SocialReportAdopted} (for the duty record), {@link org.xieshang.socialreport.AdoptionLevel}
 * and {@link org.xieshang.socialreport.DemoSocialReports}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "bulletin", "committee", "document", "identity", "member", "notification", "proposal", "search" })
package org.xieshang.socialreport;
