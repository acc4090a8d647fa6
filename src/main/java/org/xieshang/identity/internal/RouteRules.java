package org.xieshang.identity.internal;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.xieshang.shared.Role;

/**
 * Who may call each route, in one table: every handler method's pattern and HTTP method, as the
 * controller declares it, with PUBLIC, SIGNED_IN or a set of roles. Anything not listed is
 * refused (deny by default), and {@code UnlistedRouteTest} fails the build when a controller
 * route is missing here. SIGNED_IN leaves the decision to the use case, which answers 404 before
 * 403 for records of other committees or owners; tenancy and ownership stay there.
 */
final class RouteRules {

    /** Who may call a route: anyone, any signed-in user, or holders of one of the roles. */
    record Access(boolean isPublic, Set<Role> roles) {
        boolean signedInOnly() {
            return !isPublic && roles.isEmpty();
        }
    }

    record Rule(HttpMethod method, String pattern, Access access) {
    }

    static final Access PUBLIC = new Access(true, Set.of());
    static final Access SIGNED_IN = new Access(false, Set.of());
    static final Access ADMIN_ONLY = roles(Role.ADMIN);
    static final Access STAFF = roles(Role.ADMIN, Role.PROPOSAL_STAFF);
    /** Everyone who reads all of a committee's cases. */
    static final Access READ_ALL = roles(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC, Role.LEADER_GOV);
    static final Access OVERSIGHT = roles(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC);
    static final Access ADMIN_LEADER = roles(Role.ADMIN, Role.LEADER_CPPCC);
    static final Access MEMBERS = roles(Role.MEMBER);
    static final Access UNITS = roles(Role.UNIT_HANDLER, Role.UNIT_HEAD);

    /** One line per route; a null method means every method. Order does not matter (see {@link #ordered}). */
    static final Rule[] RULES = {
            // identity
            rule(POST, "/api/v1/auth/token", PUBLIC),
            rule(DELETE, "/api/v1/auth/token", SIGNED_IN),
            rule(GET, "/api/v1/me", SIGNED_IN),
            rule(POST, "/api/v1/me/password", SIGNED_IN),
            rule(GET, "/account/password", SIGNED_IN),
            rule(POST, "/account/password", SIGNED_IN),
            rule(POST, "/api/v1/users", ADMIN_ONLY),
            rule(GET, "/api/v1/users", ADMIN_ONLY),
            rule(GET, "/api/v1/users/{id}", ADMIN_ONLY),
            rule(PATCH, "/api/v1/users/{id}", ADMIN_ONLY),
            rule(POST, "/api/v1/users/{id}/unlock", ADMIN_ONLY),
            rule(POST, "/api/v1/users/member-accounts", ADMIN_ONLY),
            rule(POST, "/users/{id:\\d+}/unlock", ADMIN_ONLY),
            rule(GET, "/users", ADMIN_ONLY),
            rule(GET, "/users/new", ADMIN_ONLY),
            rule(POST, "/users", ADMIN_ONLY),
            rule(GET, "/users/{id:\\d+}/edit", ADMIN_ONLY),
            rule(POST, "/users/{id:\\d+}", ADMIN_ONLY),
            rule(GET, "/users/member-accounts", ADMIN_ONLY),
            rule(POST, "/users/member-accounts", ADMIN_ONLY),
            rule(GET, "/login", PUBLIC),
            rule(GET, "/", SIGNED_IN),
            // audit
            rule(GET, "/api/v1/audit/verify", ADMIN_ONLY),
            rule(GET, "/api/v1/audit/entries", ADMIN_ONLY),
            rule(GET, "/audit", ADMIN_ONLY),
            // calendar
            rule(GET, "/api/v1/calendar/days", SIGNED_IN),
            rule(PUT, "/api/v1/calendar/days/{date}", ADMIN_ONLY),
            rule(DELETE, "/api/v1/calendar/days/{date}", ADMIN_ONLY),
            rule(GET, "/api/v1/calendar/working-days", SIGNED_IN),
            rule(GET, "/calendar", SIGNED_IN),
            rule(POST, "/calendar/days", ADMIN_ONLY),
            rule(POST, "/calendar/days/{date}/remove", ADMIN_ONLY),
            // committee reference data
            rule(POST, "/api/v1/sectors", ADMIN_ONLY),
            rule(GET, "/api/v1/sectors", SIGNED_IN),
            rule(POST, "/api/v1/units", ADMIN_ONLY),
            rule(GET, "/api/v1/units", SIGNED_IN),
            rule(POST, "/api/v1/special-committees", ADMIN_ONLY),
            rule(GET, "/api/v1/special-committees", SIGNED_IN),
            rule(POST, "/api/v1/terms", ADMIN_ONLY),
            rule(GET, "/api/v1/terms", SIGNED_IN),
            rule(GET, "/api/v1/terms/{id}", SIGNED_IN),
            rule(POST, "/api/v1/terms/{id}/sessions", ADMIN_ONLY),
            rule(GET, "/api/v1/sessions", SIGNED_IN),
            rule(GET, "/reference", SIGNED_IN),
            rule(GET, "/reference/sectors", SIGNED_IN),
            rule(POST, "/reference/sectors", ADMIN_ONLY),
            rule(GET, "/reference/special-committees", SIGNED_IN),
            rule(POST, "/reference/special-committees", ADMIN_ONLY),
            rule(GET, "/reference/units", SIGNED_IN),
            rule(POST, "/reference/units", ADMIN_ONLY),
            rule(GET, "/reference/terms", SIGNED_IN),
            rule(POST, "/reference/terms", ADMIN_ONLY),
            rule(POST, "/reference/terms/{termId:\\d+}/sessions", ADMIN_ONLY),
            // issue 15 point 8: rename, retire, delete, unit import
            rule(PATCH, "/api/v1/sectors/{id}", ADMIN_ONLY),
            rule(DELETE, "/api/v1/sectors/{id}", ADMIN_ONLY),
            rule(PATCH, "/api/v1/units/{id}", ADMIN_ONLY),
            rule(DELETE, "/api/v1/units/{id}", ADMIN_ONLY),
            rule(PATCH, "/api/v1/special-committees/{id}", ADMIN_ONLY),
            rule(DELETE, "/api/v1/special-committees/{id}", ADMIN_ONLY),
            rule(PATCH, "/api/v1/terms/{id}", ADMIN_ONLY),
            rule(DELETE, "/api/v1/terms/{id}", ADMIN_ONLY),
            rule(PATCH, "/api/v1/sessions/{id}", ADMIN_ONLY),
            rule(DELETE, "/api/v1/sessions/{id}", ADMIN_ONLY),
            rule(POST, "/api/v1/units/import/preview", ADMIN_ONLY),
            rule(POST, "/api/v1/units/import", ADMIN_ONLY),
            rule(GET, "/api/v1/units/import/template", ADMIN_ONLY),
            rule(POST, "/reference/{kind}/{id:\\d+}/{action}", ADMIN_ONLY),
            rule(GET, "/reference/units/import", ADMIN_ONLY),
            rule(POST, "/reference/units/import", ADMIN_ONLY),
            // liaison
            rule(POST, "/api/v1/liaison/plans", ADMIN_ONLY),
            rule(GET, "/api/v1/liaison/plans", ADMIN_ONLY),
            rule(GET, "/api/v1/liaison/plans/{year}", ADMIN_ONLY),
            rule(POST, "/api/v1/liaison/plans/{year}/confirm", ADMIN_ONLY),
            rule(POST, "/api/v1/liaison/plans/{year}/moves", ADMIN_ONLY),
            rule(GET, "/api/v1/liaison/plans/{year}/compliance", ADMIN_LEADER),
            rule(GET, "/api/v1/liaison/my-members", SIGNED_IN),
            rule(POST, "/api/v1/liaison/contacts", SIGNED_IN),
            rule(GET, "/api/v1/liaison/contacts", SIGNED_IN),
            rule(GET, "/api/v1/liaison/contacts/{id}", SIGNED_IN),
            rule(GET, "/api/v1/liaison/follow-ups", SIGNED_IN),
            rule(POST, "/api/v1/liaison/follow-ups/{id}/resolve", SIGNED_IN),
            rule(POST, "/api/v1/liaison/follow-ups/{id}/proposal-draft", SIGNED_IN),
            rule(GET, "/api/v1/liaison/settings", ADMIN_ONLY),
            rule(PUT, "/api/v1/liaison/settings", ADMIN_ONLY),
            // issue 15 point 9: what the numbers allow, before generating
            rule(GET, "/api/v1/liaison/plans/{year}/outlook", ADMIN_ONLY),
            rule(GET, "/liaison/plans", SIGNED_IN),
            rule(POST, "/liaison/plans", ADMIN_ONLY),
            rule(POST, "/liaison/plans/{year}/confirm", ADMIN_ONLY),
            rule(POST, "/liaison/plans/{year}/moves", ADMIN_ONLY),
            rule(GET, "/liaison/mine", SIGNED_IN),
            rule(POST, "/liaison/contacts", SIGNED_IN),
            rule(POST, "/liaison/follow-ups/{id}/resolve", SIGNED_IN),
            rule(POST, "/liaison/follow-ups/{id}/proposal-draft", SIGNED_IN),
            rule(GET, "/liaison/compliance", ADMIN_LEADER),
            // members
            rule(POST, "/api/v1/members", ADMIN_ONLY),
            rule(GET, "/api/v1/members", SIGNED_IN),
            rule(GET, "/api/v1/members/{id}", SIGNED_IN),
            rule(PATCH, "/api/v1/members/{id}", ADMIN_ONLY),
            rule(POST, "/api/v1/members/import/preview", ADMIN_ONLY),
            rule(POST, "/api/v1/members/import", ADMIN_ONLY),
            rule(GET, "/api/v1/members/import/template", ADMIN_ONLY),
            rule(GET, "/members", SIGNED_IN),
            rule(GET, "/members/table", SIGNED_IN),
            rule(GET, "/members/{id:\\d+}", SIGNED_IN),
            rule(GET, "/members/new", ADMIN_ONLY),
            rule(POST, "/members", ADMIN_ONLY),
            rule(GET, "/members/{id:\\d+}/edit", ADMIN_ONLY),
            rule(POST, "/members/{id:\\d+}", ADMIN_ONLY),
            rule(GET, "/members/import", ADMIN_ONLY),
            rule(GET, "/members/import/template", ADMIN_ONLY),
            rule(POST, "/members/import", ADMIN_ONLY),
            rule(GET, "/members/import/preview", ADMIN_ONLY),
            rule(POST, "/members/import/confirm", ADMIN_ONLY),
            // notifications
            rule(GET, "/api/v1/notifications", SIGNED_IN),
            rule(GET, "/api/v1/notifications/unread-count", SIGNED_IN),
            rule(POST, "/api/v1/notifications/{id}/read", SIGNED_IN),
            rule(GET, "/inbox", SIGNED_IN),
            rule(POST, "/inbox/{id}/open", SIGNED_IN),
            rule(POST, "/api/v1/notifications/read-all", SIGNED_IN),
            rule(POST, "/inbox/read-all", SIGNED_IN),
            // search
            rule(POST, "/api/v1/search/index/rebuild", ADMIN_ONLY),
            rule(GET, "/api/v1/search/index/rebuild", ADMIN_ONLY),
            // bulletins
            rule(POST, "/api/v1/bulletins", SIGNED_IN),
            rule(GET, "/api/v1/bulletins", SIGNED_IN),
            rule(GET, "/api/v1/bulletins/{id}", SIGNED_IN),
            rule(POST, "/api/v1/bulletins/{id}/comments", SIGNED_IN),
            rule(POST, "/api/v1/bulletins/{id}/follow-ups/{followUpId}/done", SIGNED_IN),
            rule(GET, "/api/v1/follow-ups", SIGNED_IN),
            rule(GET, "/bulletins", SIGNED_IN),
            rule(GET, "/bulletins/new", STAFF),
            rule(POST, "/bulletins", SIGNED_IN),
            rule(GET, "/bulletins/{id:\\d+}", SIGNED_IN),
            rule(POST, "/bulletins/{id:\\d+}/comments", SIGNED_IN),
            rule(POST, "/bulletins/{id:\\d+}/follow-ups/{followUpId:\\d+}/done", SIGNED_IN),
            rule(GET, "/follow-ups", SIGNED_IN),
            // issue 15 point 3: the unit answers a leader's comment, with files
            rule(POST, "/api/v1/bulletins/{id}/follow-ups/{followUpId}/answer", SIGNED_IN),
            rule(POST, "/api/v1/bulletins/{id}/follow-ups/{followUpId}/files", SIGNED_IN),
            rule(GET, "/api/v1/bulletins/{id}/follow-ups/{followUpId}/files/{fileId}", SIGNED_IN),
            rule(POST, "/bulletins/{id:\\d+}/follow-ups/{followUpId:\\d+}/answer", SIGNED_IN),
            // key work
            rule(POST, "/api/v1/proposals/{id}/key", SIGNED_IN),
            rule(GET, "/api/v1/proposals/{id}/key", SIGNED_IN),
            rule(POST, "/api/v1/key-proposal-decisions", SIGNED_IN),
            rule(GET, "/api/v1/key-proposal-decisions", READ_ALL),
            rule(POST, "/api/v1/proposals/{id}/supervision-events", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/supervision-events/{eventId}/attachments", SIGNED_IN),
            rule(GET, "/api/v1/proposals/{id}/supervision-events", SIGNED_IN),
            rule(GET, "/key-proposals", SIGNED_IN),
            rule(GET, "/key-proposals/decisions", READ_ALL),
            rule(POST, "/key-proposals/decisions", SIGNED_IN),
            rule(GET, "/proposals/{id:\\d+}/key", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/key", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/supervision-events", SIGNED_IN),
            // proposals
            rule(POST, "/api/v1/proposals", MEMBERS),
            rule(POST, "/api/v1/proposals/collective", STAFF),
            rule(GET, "/api/v1/proposals", SIGNED_IN),
            rule(GET, "/api/v1/proposals/settings", SIGNED_IN),
            rule(PUT, "/api/v1/proposals/settings", STAFF),
            rule(GET, "/api/v1/proposals/{id}/similar", OVERSIGHT),
            rule(POST, "/api/v1/proposals/similar-to-text", SIGNED_IN),
            rule(GET, "/api/v1/proposals/{id}/unit-suggestions", SIGNED_IN),
            rule(POST, "/api/v1/proposals/category-suggestion", SIGNED_IN),
            rule(GET, "/api/v1/proposals/{id}", SIGNED_IN),
            rule(PATCH, "/api/v1/proposals/{id}", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/submit", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/cosign", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/withdraw", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/review", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/convert", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/merge", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/assign", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/reassignment-requests", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/due-date", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/publication", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/accept", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/handling-records", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/co-opinions", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/reply", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/reply-review", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/evaluation", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/implementation-report", SIGNED_IN),
            rule(POST, "/api/v1/proposals/{id}/attachments", SIGNED_IN),
            rule(GET, "/api/v1/proposals/{id}/attachments/{attachmentId}", SIGNED_IN),
            rule(GET, "/api/v1/proposals/{id}/reminders", SIGNED_IN),
            rule(GET, "/proposals/mine", MEMBERS),
            rule(GET, "/proposals/new", MEMBERS),
            rule(POST, "/proposals", SIGNED_IN),
            rule(GET, "/proposals/{id:\\d+}/edit", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/edit", SIGNED_IN),
            rule(POST, "/proposals/similar", SIGNED_IN),
            rule(GET, "/proposals/cosign", SIGNED_IN),
            rule(GET, "/proposals/review", STAFF),
            rule(GET, "/proposals/assignment", STAFF),
            rule(GET, "/proposals/replies", STAFF),
            rule(GET, "/proposals/unit", UNITS),
            rule(GET, "/search", SIGNED_IN),
            rule(GET, "/proposals/all", SIGNED_IN),
            rule(GET, "/search/results", SIGNED_IN),
            rule(GET, "/proposals/all/results", SIGNED_IN),
            rule(GET, "/proposals/{id:\\d+}", SIGNED_IN),
            rule(GET, "/proposals/{id:\\d+}/print", SIGNED_IN),
            rule(GET, "/proposals/{id:\\d+}/merge-candidates", STAFF),
            rule(GET, "/proposals/{id:\\d+}/unit-hints", STAFF),
            rule(GET, "/proposals/{id:\\d+}/attachments/{attachmentId:\\d+}", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/attachments", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/submit", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/withdraw", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/cosign", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/review", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/merge", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/convert", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/assign", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/due-date", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/publication", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/reassignment-requests", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/accept", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/handling-records", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/co-opinions", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/reply", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/reply-review", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/evaluation", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/implementation-report", SIGNED_IN),
            // issue 15: the unit head signs the reply (signoff)
            rule(POST, "/api/v1/proposals/{id}/reply-signoff", SIGNED_IN),
            rule(POST, "/proposals/{id:\\d+}/reply-signoff", SIGNED_IN),
            // casepages (issue 17): co-units without accounts, reminders
            rule(POST, "/api/v1/proposals/{id}/co-units/{unitId}/paper-opinion", STAFF),
            rule(POST, "/api/v1/proposals/{id}/co-units/{unitId}/reminders", UNITS),
            rule(POST, "/proposals/{id:\\d+}/co-units/{unitId:\\d+}/paper-opinion", STAFF),
            rule(POST, "/proposals/{id:\\d+}/co-units/{unitId:\\d+}/reminders", UNITS),
            // statistics
            rule(GET, "/api/v1/proposals/stats", READ_ALL),
            rule(GET, "/api/v1/proposals/stats/breakdown", SIGNED_IN),
            rule(GET, "/api/v1/proposals/stats/breakdown.xlsx", SIGNED_IN),
            rule(GET, "/api/v1/proposals/stats/report.docx", READ_ALL),
            rule(POST, "/api/v1/proposals/stats/rebuild", ADMIN_ONLY),
            rule(GET, "/stats", SIGNED_IN),
            rule(GET, "/stats/tables.xlsx", SIGNED_IN),
            rule(GET, "/stats/report.docx", SIGNED_IN),
            // public pages and API
            rule(GET, "/api/v1/public/proposals", PUBLIC),
            rule(GET, "/api/v1/public/proposals/{id}", PUBLIC),
            rule(GET, "/public", PUBLIC),
            rule(GET, "/public/proposals", PUBLIC),
            rule(GET, "/public/proposals/{id}", PUBLIC),
            // infrastructure: error page and API docs
            rule(null, "/error", PUBLIC),
            rule(GET, "/v3/api-docs", PUBLIC),
            rule(GET, "/v3/api-docs.yaml", PUBLIC),
            rule(GET, "/v3/api-docs/swagger-config", PUBLIC),
            rule(GET, "/swagger-ui.html", PUBLIC),
            // social reports
            rule(POST, "/api/v1/social-reports", MEMBERS),
            rule(GET, "/api/v1/social-reports", SIGNED_IN),
            rule(GET, "/api/v1/social-reports/{id}", SIGNED_IN),
            rule(PATCH, "/api/v1/social-reports/{id}", SIGNED_IN),
            rule(POST, "/api/v1/social-reports/{id}/adopt", SIGNED_IN),
            rule(POST, "/api/v1/social-reports/{id}/reject", SIGNED_IN),
            rule(POST, "/api/v1/social-reports/{id}/comments", SIGNED_IN),
            rule(POST, "/api/v1/social-reports/{id}/attachments", SIGNED_IN),
            rule(GET, "/api/v1/social-reports/{id}/attachments/{attachmentId}", SIGNED_IN),
            rule(GET, "/api/v1/social-reports/figures", OVERSIGHT),
            rule(GET, "/api/v1/social-reports/figures/export", OVERSIGHT),
            rule(POST, "/api/v1/social-reports/{id}/withdraw-adoption", SIGNED_IN),
            rule(GET, "/social-reports/mine", SIGNED_IN),
            rule(POST, "/social-reports", MEMBERS),
            rule(GET, "/social-reports", SIGNED_IN),
            rule(GET, "/social-reports/table", SIGNED_IN),
            rule(GET, "/social-reports/{id}", SIGNED_IN),
            rule(POST, "/social-reports/{id}/edit", SIGNED_IN),
            rule(POST, "/social-reports/{id}/adopt", SIGNED_IN),
            rule(POST, "/social-reports/{id}/reject", SIGNED_IN),
            rule(POST, "/social-reports/{id}/withdraw-adoption", SIGNED_IN),
            rule(POST, "/social-reports/{id}/comments", SIGNED_IN),
            rule(POST, "/social-reports/{id}/attachments", SIGNED_IN),
            rule(GET, "/social-reports/{id}/attachments/{attachmentId}", SIGNED_IN),
            rule(GET, "/social-reports/figures", OVERSIGHT),
            rule(GET, "/social-reports/figures/export", OVERSIGHT),
            // activities
            rule(POST, "/api/v1/activities", ADMIN_ONLY),
            rule(GET, "/api/v1/activities", ADMIN_ONLY),
            rule(GET, "/api/v1/activities/mine", SIGNED_IN),
            rule(GET, "/api/v1/activities/feed-link", SIGNED_IN),
            rule(GET, "/api/v1/activities/statistics", ADMIN_LEADER),
            rule(GET, "/api/v1/activities/statistics/export", ADMIN_LEADER),
            rule(GET, "/api/v1/activities/{id}", SIGNED_IN),
            rule(POST, "/api/v1/activities/{id}/leave-requests", SIGNED_IN),
            rule(GET, "/api/v1/activities/{id}/leave-requests", ADMIN_ONLY),
            rule(POST, "/api/v1/activities/{id}/leave-requests/{requestId}/decision", ADMIN_ONLY),
            rule(POST, "/api/v1/activities/{id}/check-ins", SIGNED_IN),
            rule(GET, "/api/v1/activities/{id}/check-in-code", ADMIN_ONLY),
            rule(GET, "/api/v1/activities/{id}/attendance", ADMIN_ONLY),
            rule(POST, "/api/v1/activities/{id}/attendance/{memberId}/correction", ADMIN_ONLY),
            rule(GET, "/api/v1/activities/{id}/attendance/history", ADMIN_ONLY),
            rule(POST, "/api/v1/activities/{id}/speeches", ADMIN_ONLY),
            rule(GET, "/api/v1/activities/{id}/speeches", SIGNED_IN),
            rule(POST, "/api/v1/activities/{id}/cancel", ADMIN_ONLY),
            rule(POST, "/api/v1/activities/{id}/outcomes", ADMIN_ONLY),
            rule(GET, "/api/v1/activities/{id}/outcomes", SIGNED_IN),
            rule(GET, "/api/v1/activities/{id}/outcomes/{fileId}", SIGNED_IN),
            rule(GET, "/public/activities/feed/{committeeId}/{memberId}/{signature}.ics", PUBLIC),
            rule(GET, "/activities", SIGNED_IN),
            rule(GET, "/activities/mine", SIGNED_IN),
            rule(GET, "/activities/new", ADMIN_ONLY),
            rule(POST, "/activities", ADMIN_ONLY),
            rule(GET, "/activities/{id}", SIGNED_IN),
            rule(GET, "/activities/{id}/attendance", SIGNED_IN),
            rule(POST, "/activities/{id}/leave", SIGNED_IN),
            rule(POST, "/activities/{id}/leave-requests/{requestId}/decision", ADMIN_ONLY),
            rule(POST, "/activities/{id}/tick/{memberId}", ADMIN_ONLY),
            rule(POST, "/activities/{id}/correction", ADMIN_ONLY),
            rule(POST, "/activities/{id}/speeches", ADMIN_ONLY),
            rule(POST, "/activities/{id}/cancel", ADMIN_ONLY),
            rule(POST, "/activities/{id}/outcomes", ADMIN_ONLY),
            rule(GET, "/activities/{id}/outcomes/{fileId}", SIGNED_IN),
            rule(GET, "/activities/{id}/screen", ADMIN_ONLY),
            rule(GET, "/activities/{id}/screen/code", ADMIN_ONLY),
            rule(GET, "/activities/{id}/qr.png", ADMIN_ONLY),
            rule(GET, "/activities/{id}/check-in", SIGNED_IN),
            rule(GET, "/activities/statistics", ADMIN_LEADER),
            rule(GET, "/activities/statistics.xlsx", ADMIN_LEADER),
            // assessment (duty record, runs, consequences); the use cases answer 404 before 403 under SIGNED_IN
            rule(GET, "/api/v1/assessment/rules", ADMIN_ONLY),
            rule(PUT, "/api/v1/assessment/rules", ADMIN_ONLY),
            rule(POST, "/api/v1/assessment/runs", ADMIN_ONLY),
            rule(GET, "/api/v1/assessment/runs", READ_ALL),
            rule(GET, "/api/v1/assessment/runs/{id}", READ_ALL),
            rule(GET, "/api/v1/assessment/runs/{id}/consequences", READ_ALL),
            rule(GET, "/api/v1/assessment/runs/{id}/export", READ_ALL),
            rule(GET, "/api/v1/assessment/runs/{id}/notice", READ_ALL),
            rule(GET, "/api/v1/assessment/mine", SIGNED_IN),
            rule(GET, "/api/v1/assessment/figures", READ_ALL),
            // dutyfig: the office's duty record rebuild
            rule(POST, "/api/v1/assessment/rebuilds", ADMIN_ONLY),
            rule(GET, "/api/v1/assessment/rebuilds", ADMIN_ONLY),
            rule(GET, "/api/v1/assessment/rebuilds/{id}", ADMIN_ONLY),
            rule(GET, "/api/v1/members/{id}/duty-record", SIGNED_IN),
            rule(POST, "/api/v1/members/{id}/duty-record", ADMIN_ONLY),
            rule(GET, "/api/v1/members/{id}/duty-record/{entryId}/evidence", SIGNED_IN),
            rule(POST, "/api/v1/members/{id}/actions", ADMIN_ONLY),
            rule(GET, "/api/v1/members/{id}/actions", SIGNED_IN),
            rule(POST, "/api/v1/members/{id}/actions/{actionId}/documents", ADMIN_ONLY),
            rule(GET, "/api/v1/members/{id}/actions/{actionId}/documents/{documentId}", READ_ALL),
            rule(POST, "/api/v1/members/{id}/resignation", MEMBERS),
            rule(GET, "/api/v1/members/{id}/resignation", SIGNED_IN),
            rule(POST, "/api/v1/members/{id}/resignation/approve", ADMIN_ONLY),
            rule(GET, "/assessment/mine", SIGNED_IN),
            rule(GET, "/assessment", READ_ALL),
            rule(POST, "/assessment/runs", ADMIN_ONLY),
            rule(GET, "/assessment/runs/{id}", READ_ALL),
            rule(GET, "/assessment/runs/{id}/progress", READ_ALL),
            rule(GET, "/assessment/rules", ADMIN_ONLY),
            rule(POST, "/assessment/rules", ADMIN_ONLY),
            rule(POST, "/assessment/rebuilds", ADMIN_ONLY),
            rule(GET, "/assessment/rebuilds/{id}/progress", ADMIN_ONLY),
            // democratic evaluation and township assessment (issue 13); results and ballot codes decide in the use case
            rule(GET, "/api/v1/evaluations/candidates", ADMIN_ONLY),
            rule(POST, "/api/v1/evaluations", ADMIN_ONLY),
            rule(GET, "/api/v1/evaluations", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(GET, "/api/v1/evaluations/{id}", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(POST, "/api/v1/evaluations/{id}/groups", ADMIN_ONLY),
            rule(POST, "/api/v1/evaluations/{id}/groups/{groupId}/activities", ADMIN_ONLY),
            rule(POST, "/api/v1/evaluations/{id}/ballots", SIGNED_IN),
            rule(POST, "/api/v1/evaluations/{id}/ballot-codes", ADMIN_ONLY),
            rule(POST, "/api/v1/evaluations/{id}/paper-ballots", ADMIN_ONLY),
            rule(GET, "/api/v1/evaluations/{id}/results", PUBLIC),
            rule(POST, "/api/v1/evaluations/{id}/publish", ADMIN_ONLY),
            rule(GET, "/api/v1/evaluations/{id}/announcement.docx", PUBLIC),
            rule(PUT, "/api/v1/evaluations/{id}/settings", ADMIN_ONLY),
            rule(GET, "/api/v1/public/ballots/{code}", PUBLIC),
            rule(POST, "/api/v1/public/ballots/{code}", PUBLIC),
            rule(POST, "/api/v1/township-assessments", ADMIN_ONLY),
            rule(GET, "/api/v1/township-assessments", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(GET, "/api/v1/township-assessments/chart", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(GET, "/api/v1/township-assessments/{id}", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(POST, "/api/v1/township-assessments/{id}/scores", ADMIN_ONLY),
            rule(GET, "/api/v1/township-assessments/{id}/results", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(GET, "/api/v1/township-assessments/{id}/export", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(POST, "/api/v1/township-assessments/{id}/evidence", ADMIN_ONLY),
            rule(GET, "/api/v1/township-assessments/{id}/evidence/{evidenceId}", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(GET, "/evaluations", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(POST, "/evaluations", ADMIN_ONLY),
            rule(GET, "/evaluations/{id:\\d+}", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(POST, "/evaluations/{id:\\d+}/groups", ADMIN_ONLY),
            rule(POST, "/evaluations/{id:\\d+}/ballot-codes", ADMIN_ONLY),
            rule(GET, "/evaluations/{id:\\d+}/sheets", ADMIN_ONLY),
            rule(POST, "/evaluations/{id:\\d+}/paper-ballots", ADMIN_ONLY),
            rule(POST, "/evaluations/{id:\\d+}/publish", ADMIN_ONLY),
            rule(POST, "/evaluations/{id:\\d+}/settings", ADMIN_ONLY),
            rule(GET, "/evaluations/mine", SIGNED_IN),
            rule(GET, "/evaluations/{id:\\d+}/vote", SIGNED_IN),
            rule(POST, "/evaluations/{id:\\d+}/vote", SIGNED_IN),
            rule(GET, "/ballot/{code}", PUBLIC),
            rule(POST, "/ballot/{code}", PUBLIC),
            rule(GET, "/public/evaluations", PUBLIC),
            rule(GET, "/public/evaluations/{id:\\d+}", PUBLIC),
            rule(GET, "/township-assessments", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(POST, "/township-assessments", ADMIN_ONLY),
            rule(GET, "/township-assessments/{id:\\d+}", roles(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV)),
            rule(POST, "/township-assessments/{id:\\d+}/scores", ADMIN_ONLY),
            rule(POST, "/township-assessments/{id:\\d+}/evidence", ADMIN_ONLY),
    };

    /** Not handler methods: static files, actuator endpoints, Swagger UI's files. */
    static final Rule[] INFRASTRUCTURE = {
            rule(null, "/favicon.ico", PUBLIC),
            rule(null, "/static/**", PUBLIC),
            rule(null, "/webjars/**", PUBLIC),
            rule(null, "/swagger-ui/**", PUBLIC),
            rule(GET, "/actuator/health", PUBLIC),
            rule(GET, "/actuator/health/**", PUBLIC),
            rule(GET, "/actuator/info", PUBLIC),
            rule(null, "/actuator", ADMIN_ONLY),
            rule(null, "/actuator/**", ADMIN_ONLY),
            // metrics: request counts per endpoint, failed sign-ins; for ADMIN (a session or a bearer token)
            rule(GET, "/actuator/prometheus", ADMIN_ONLY),
    };

    private RouteRules() {
    }

    static Access roles(Role... roles) {
        return new Access(false, Set.copyOf(EnumSet.copyOf(Arrays.asList(roles))));
    }

    private static Rule rule(HttpMethod method, String pattern, Access access) {
        return new Rule(method, pattern, access);
    }

    /**
     * All rules, the most specific pattern first, as Spring MVC chooses between them: so that
     * {@code /api/v1/proposals/stats} is decided by its own rule, not by {@code /api/v1/proposals/{id}}.
     */
    static List<Rule> ordered() {
        Comparator<Rule> specificity = Comparator.comparing(r -> PathPatternParser.defaultInstance.parse(r.pattern()),
                PathPattern.SPECIFICITY_COMPARATOR);
        return java.util.stream.Stream.concat(Arrays.stream(RULES), Arrays.stream(INFRASTRUCTURE))
                .sorted(specificity).toList();
    }

    /**
     * Every rule, then a refusal of everything else (see {@link UnlistedRoutes}), decided by one
     * {@link RouteAuthorization} rather than a request matcher per rule (issue 16, per-request cost).
     */
    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry,
                      UnlistedRoutes unlisted) {
        registry.anyRequest().access(new RouteAuthorization(ordered(), unlisted));
    }
}
