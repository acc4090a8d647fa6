package org.xieshang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.support.ApiTestBase;

/**
 * Fail closed (issue 14): every route of the running application, as its own request mappings
 * list them, asked of the real security filter chains for every caller (anonymous and one user
 * per role), against the expected outcome written out below. A route without a line here fails.
 * Columns: anonymous, ADMIN, PROPOSAL_STAFF, LEADER_CPPCC, LEADER_GOV, MEMBER, UNIT_HANDLER,
 * UNIT_HEAD; Y = let through to the use case (which may still refuse: 404 before 403), - = refused.
 */
class RouteAccessMatrixTest extends ApiTestBase {

    static final String[] MATRIX = {
            // identity
            "POST   /api/v1/auth/token                                                     YYYYYYYY",
            "DELETE /api/v1/auth/token                                                     -YYYYYYY",
            "GET    /api/v1/me                                                             -YYYYYYY",
            "POST   /api/v1/me/password                                                    -YYYYYYY",
            "GET    /account/password                                                      -YYYYYYY",
            "POST   /account/password                                                      -YYYYYYY",
            "POST   /api/v1/users                                                          -Y------",
            "GET    /api/v1/users                                                          -Y------",
            "GET    /api/v1/users/{id}                                                     -Y------",
            "PATCH  /api/v1/users/{id}                                                     -Y------",
            "POST   /api/v1/users/{id}/unlock                                              -Y------",
            "POST   /api/v1/users/member-accounts                                          -Y------",
            "POST   /users/{id:\\d+}/unlock                                                -Y------",
            "GET    /users                                                                 -Y------",
            "GET    /users/new                                                             -Y------",
            "POST   /users                                                                 -Y------",
            "GET    /users/{id:\\d+}/edit                                                  -Y------",
            "POST   /users/{id:\\d+}                                                       -Y------",
            "GET    /users/member-accounts                                                 -Y------",
            "POST   /users/member-accounts                                                 -Y------",
            "GET    /login                                                                 YYYYYYYY",
            "GET    /                                                                      -YYYYYYY",
            // audit
            "GET    /api/v1/audit/verify                                                   -Y------",
            "GET    /api/v1/audit/entries                                                  -Y------",
            "GET    /audit                                                                 -Y------",
            // calendar
            "GET    /api/v1/calendar/days                                                  -YYYYYYY",
            "PUT    /api/v1/calendar/days/{date}                                           -Y------",
            "DELETE /api/v1/calendar/days/{date}                                           -Y------",
            "GET    /api/v1/calendar/working-days                                          -YYYYYYY",
            "GET    /calendar                                                              -YYYYYYY",
            "POST   /calendar/days                                                         -Y------",
            "POST   /calendar/days/{date}/remove                                           -Y------",
            // committee reference data
            "POST   /api/v1/sectors                                                        -Y------",
            "GET    /api/v1/sectors                                                        -YYYYYYY",
            "POST   /api/v1/units                                                          -Y------",
            "GET    /api/v1/units                                                          -YYYYYYY",
            "POST   /api/v1/special-committees                                             -Y------",
            "GET    /api/v1/special-committees                                             -YYYYYYY",
            "POST   /api/v1/terms                                                          -Y------",
            "GET    /api/v1/terms                                                          -YYYYYYY",
            "GET    /api/v1/terms/{id}                                                     -YYYYYYY",
            "POST   /api/v1/terms/{id}/sessions                                            -Y------",
            "GET    /api/v1/sessions                                                       -YYYYYYY",
            "GET    /reference                                                             -YYYYYYY",
            "GET    /reference/sectors                                                     -YYYYYYY",
            "POST   /reference/sectors                                                     -Y------",
            "GET    /reference/special-committees                                          -YYYYYYY",
            "POST   /reference/special-committees                                          -Y------",
            "GET    /reference/units                                                       -YYYYYYY",
            "POST   /reference/units                                                       -Y------",
            "GET    /reference/terms                                                       -YYYYYYY",
            "POST   /reference/terms                                                       -Y------",
            "POST   /reference/terms/{termId:\\d+}/sessions                                -Y------",
            "PATCH  /api/v1/sectors/{id}                                                   -Y------",
            "DELETE /api/v1/sectors/{id}                                                   -Y------",
            "PATCH  /api/v1/units/{id}                                                     -Y------",
            "DELETE /api/v1/units/{id}                                                     -Y------",
            "PATCH  /api/v1/special-committees/{id}                                        -Y------",
            "DELETE /api/v1/special-committees/{id}                                        -Y------",
            "PATCH  /api/v1/terms/{id}                                                     -Y------",
            "DELETE /api/v1/terms/{id}                                                     -Y------",
            "PATCH  /api/v1/sessions/{id}                                                  -Y------",
            "DELETE /api/v1/sessions/{id}                                                  -Y------",
            "POST   /api/v1/units/import/preview                                           -Y------",
            "POST   /api/v1/units/import                                                   -Y------",
            "GET    /api/v1/units/import/template                                          -Y------",
            "POST   /reference/{kind}/{id:\\d+}/{action}                                   -Y------",
            "GET    /reference/units/import                                                -Y------",
            "POST   /reference/units/import                                                -Y------",
            // liaison
            "POST   /api/v1/liaison/plans                                                  -Y------",
            "GET    /api/v1/liaison/plans                                                  -Y------",
            "GET    /api/v1/liaison/plans/{year}                                           -Y------",
            "POST   /api/v1/liaison/plans/{year}/confirm                                   -Y------",
            "POST   /api/v1/liaison/plans/{year}/moves                                     -Y------",
            "GET    /api/v1/liaison/plans/{year}/compliance                                -Y-Y----",
            "GET    /api/v1/liaison/my-members                                             -YYYYYYY",
            "POST   /api/v1/liaison/contacts                                               -YYYYYYY",
            "GET    /api/v1/liaison/contacts                                               -YYYYYYY",
            "GET    /api/v1/liaison/contacts/{id}                                          -YYYYYYY",
            "GET    /api/v1/liaison/follow-ups                                             -YYYYYYY",
            "POST   /api/v1/liaison/follow-ups/{id}/resolve                                -YYYYYYY",
            "POST   /api/v1/liaison/follow-ups/{id}/proposal-draft                         -YYYYYYY",
            "GET    /api/v1/liaison/settings                                               -Y------",
            "PUT    /api/v1/liaison/settings                                               -Y------",
            "GET    /api/v1/liaison/plans/{year}/outlook                                   -Y------",
            "GET    /liaison/plans                                                         -YYYYYYY",
            "POST   /liaison/plans                                                         -Y------",
            "POST   /liaison/plans/{year}/confirm                                          -Y------",
            "POST   /liaison/plans/{year}/moves                                            -Y------",
            "GET    /liaison/mine                                                          -YYYYYYY",
            "POST   /liaison/contacts                                                      -YYYYYYY",
            "POST   /liaison/follow-ups/{id}/resolve                                       -YYYYYYY",
            "POST   /liaison/follow-ups/{id}/proposal-draft                                -YYYYYYY",
            "GET    /liaison/compliance                                                    -Y-Y----",
            // members
            "POST   /api/v1/members                                                        -Y------",
            "GET    /api/v1/members                                                        -YYYYYYY",
            "GET    /api/v1/members/{id}                                                   -YYYYYYY",
            "PATCH  /api/v1/members/{id}                                                   -Y------",
            "POST   /api/v1/members/import/preview                                         -Y------",
            "POST   /api/v1/members/import                                                 -Y------",
            "GET    /api/v1/members/import/template                                        -Y------",
            "GET    /members                                                               -YYYYYYY",
            "GET    /members/table                                                         -YYYYYYY",
            "GET    /members/{id:\\d+}                                                     -YYYYYYY",
            "GET    /members/new                                                           -Y------",
            "POST   /members                                                               -Y------",
            "GET    /members/{id:\\d+}/edit                                                -Y------",
            "POST   /members/{id:\\d+}                                                     -Y------",
            "GET    /members/import                                                        -Y------",
            "GET    /members/import/template                                               -Y------",
            "POST   /members/import                                                        -Y------",
            "GET    /members/import/preview                                                -Y------",
            "POST   /members/import/confirm                                                -Y------",
            // notifications
            "GET    /api/v1/notifications                                                  -YYYYYYY",
            "GET    /api/v1/notifications/unread-count                                     -YYYYYYY",
            "POST   /api/v1/notifications/{id}/read                                        -YYYYYYY",
            "GET    /inbox                                                                 -YYYYYYY",
            "POST   /inbox/{id}/open                                                       -YYYYYYY",
            "POST   /api/v1/notifications/read-all                                         -YYYYYYY",
            "POST   /inbox/read-all                                                        -YYYYYYY",
            // search
            "POST   /api/v1/search/index/rebuild                                           -Y------",
            "GET    /api/v1/search/index/rebuild                                           -Y------",
            // bulletins
            "POST   /api/v1/bulletins                                                      -YYYYYYY",
            "GET    /api/v1/bulletins                                                      -YYYYYYY",
            "GET    /api/v1/bulletins/{id}                                                 -YYYYYYY",
            "POST   /api/v1/bulletins/{id}/comments                                        -YYYYYYY",
            "POST   /api/v1/bulletins/{id}/follow-ups/{followUpId}/done                    -YYYYYYY",
            "GET    /api/v1/follow-ups                                                     -YYYYYYY",
            "GET    /bulletins                                                             -YYYYYYY",
            "GET    /bulletins/new                                                         -YY-----",
            "POST   /bulletins                                                             -YYYYYYY",
            "GET    /bulletins/{id:\\d+}                                                   -YYYYYYY",
            "POST   /bulletins/{id:\\d+}/comments                                          -YYYYYYY",
            "POST   /bulletins/{id:\\d+}/follow-ups/{followUpId:\\d+}/done                 -YYYYYYY",
            "GET    /follow-ups                                                            -YYYYYYY",
            "POST   /api/v1/bulletins/{id}/follow-ups/{followUpId}/answer                  -YYYYYYY",
            "POST   /api/v1/bulletins/{id}/follow-ups/{followUpId}/files                   -YYYYYYY",
            "GET    /api/v1/bulletins/{id}/follow-ups/{followUpId}/files/{fileId}          -YYYYYYY",
            "POST   /bulletins/{id:\\d+}/follow-ups/{followUpId:\\d+}/answer               -YYYYYYY",
            // key work
            "POST   /api/v1/proposals/{id}/key                                             -YYYYYYY",
            "GET    /api/v1/proposals/{id}/key                                             -YYYYYYY",
            "POST   /api/v1/key-proposal-decisions                                         -YYYYYYY",
            "GET    /api/v1/key-proposal-decisions                                         -YYYY---",
            "POST   /api/v1/proposals/{id}/supervision-events                              -YYYYYYY",
            "POST   /api/v1/proposals/{id}/supervision-events/{eventId}/attachments        -YYYYYYY",
            "GET    /api/v1/proposals/{id}/supervision-events                              -YYYYYYY",
            "GET    /key-proposals                                                         -YYYYYYY",
            "GET    /key-proposals/decisions                                               -YYYY---",
            "POST   /key-proposals/decisions                                               -YYYYYYY",
            "GET    /proposals/{id:\\d+}/key                                               -YYYYYYY",
            "POST   /proposals/{id:\\d+}/key                                               -YYYYYYY",
            "POST   /proposals/{id:\\d+}/supervision-events                                -YYYYYYY",
            // proposals
            "POST   /api/v1/proposals                                                      -----Y--",
            "POST   /api/v1/proposals/collective                                           -YY-----",
            "GET    /api/v1/proposals                                                      -YYYYYYY",
            "GET    /api/v1/proposals/settings                                             -YYYYYYY",
            "PUT    /api/v1/proposals/settings                                             -YY-----",
            "GET    /api/v1/proposals/{id}/similar                                         -YYY----",
            "POST   /api/v1/proposals/similar-to-text                                      -YYYYYYY",
            "GET    /api/v1/proposals/{id}/unit-suggestions                                -YYYYYYY",
            "POST   /api/v1/proposals/category-suggestion                                  -YYYYYYY",
            "GET    /api/v1/proposals/{id}                                                 -YYYYYYY",
            "PATCH  /api/v1/proposals/{id}                                                 -YYYYYYY",
            "POST   /api/v1/proposals/{id}/submit                                          -YYYYYYY",
            "POST   /api/v1/proposals/{id}/cosign                                          -YYYYYYY",
            "POST   /api/v1/proposals/{id}/withdraw                                        -YYYYYYY",
            "POST   /api/v1/proposals/{id}/review                                          -YYYYYYY",
            "POST   /api/v1/proposals/{id}/convert                                         -YYYYYYY",
            "POST   /api/v1/proposals/{id}/merge                                           -YYYYYYY",
            "POST   /api/v1/proposals/{id}/assign                                          -YYYYYYY",
            "POST   /api/v1/proposals/{id}/reassignment-requests                           -YYYYYYY",
            "POST   /api/v1/proposals/{id}/due-date                                        -YYYYYYY",
            "POST   /api/v1/proposals/{id}/publication                                     -YYYYYYY",
            "POST   /api/v1/proposals/{id}/accept                                          -YYYYYYY",
            "POST   /api/v1/proposals/{id}/handling-records                                -YYYYYYY",
            "POST   /api/v1/proposals/{id}/co-opinions                                     -YYYYYYY",
            "POST   /api/v1/proposals/{id}/reply                                           -YYYYYYY",
            "POST   /api/v1/proposals/{id}/reply-review                                    -YYYYYYY",
            "POST   /api/v1/proposals/{id}/evaluation                                      -YYYYYYY",
            "POST   /api/v1/proposals/{id}/implementation-report                           -YYYYYYY",
            "POST   /api/v1/proposals/{id}/attachments                                     -YYYYYYY",
            "GET    /api/v1/proposals/{id}/attachments/{attachmentId}                      -YYYYYYY",
            "GET    /api/v1/proposals/{id}/reminders                                       -YYYYYYY",
            "GET    /proposals/mine                                                        -----Y--",
            "GET    /proposals/new                                                         -----Y--",
            "POST   /proposals                                                             -YYYYYYY",
            "GET    /proposals/{id:\\d+}/edit                                              -YYYYYYY",
            "POST   /proposals/{id:\\d+}/edit                                              -YYYYYYY",
            "POST   /proposals/similar                                                     -YYYYYYY",
            "GET    /proposals/cosign                                                      -YYYYYYY",
            "GET    /proposals/review                                                      -YY-----",
            "GET    /proposals/assignment                                                  -YY-----",
            "GET    /proposals/replies                                                     -YY-----",
            "GET    /proposals/unit                                                        ------YY",
            "GET    /search                                                                -YYYYYYY",
            "GET    /proposals/all                                                         -YYYYYYY",
            "GET    /search/results                                                        -YYYYYYY",
            "GET    /proposals/all/results                                                 -YYYYYYY",
            "GET    /proposals/{id:\\d+}                                                   -YYYYYYY",
            "GET    /proposals/{id:\\d+}/print                                             -YYYYYYY",
            "GET    /proposals/{id:\\d+}/merge-candidates                                  -YY-----",
            "GET    /proposals/{id:\\d+}/unit-hints                                        -YY-----",
            "GET    /proposals/{id:\\d+}/attachments/{attachmentId:\\d+}                   -YYYYYYY",
            "POST   /proposals/{id:\\d+}/attachments                                       -YYYYYYY",
            "POST   /proposals/{id:\\d+}/submit                                            -YYYYYYY",
            "POST   /proposals/{id:\\d+}/withdraw                                          -YYYYYYY",
            "POST   /proposals/{id:\\d+}/cosign                                            -YYYYYYY",
            "POST   /proposals/{id:\\d+}/review                                            -YYYYYYY",
            "POST   /proposals/{id:\\d+}/merge                                             -YYYYYYY",
            "POST   /proposals/{id:\\d+}/convert                                           -YYYYYYY",
            "POST   /proposals/{id:\\d+}/assign                                            -YYYYYYY",
            "POST   /proposals/{id:\\d+}/due-date                                          -YYYYYYY",
            "POST   /proposals/{id:\\d+}/publication                                       -YYYYYYY",
            "POST   /proposals/{id:\\d+}/reassignment-requests                             -YYYYYYY",
            "POST   /proposals/{id:\\d+}/accept                                            -YYYYYYY",
            "POST   /proposals/{id:\\d+}/handling-records                                  -YYYYYYY",
            "POST   /proposals/{id:\\d+}/co-opinions                                       -YYYYYYY",
            "POST   /proposals/{id:\\d+}/reply                                             -YYYYYYY",
            "POST   /proposals/{id:\\d+}/reply-review                                      -YYYYYYY",
            "POST   /proposals/{id:\\d+}/evaluation                                        -YYYYYYY",
            "POST   /proposals/{id:\\d+}/implementation-report                             -YYYYYYY",
            // issue 15: the unit head signs the reply (signoff)
            "POST   /api/v1/proposals/{id}/reply-signoff                                   -YYYYYYY",
            "POST   /proposals/{id:\\d+}/reply-signoff                                     -YYYYYYY",
            // casepages (issue 17)
            "POST   /api/v1/proposals/{id}/co-units/{unitId}/paper-opinion                 -YY-----",
            "POST   /api/v1/proposals/{id}/co-units/{unitId}/reminders                     ------YY",
            "POST   /proposals/{id:\\d+}/co-units/{unitId:\\d+}/paper-opinion              -YY-----",
            "POST   /proposals/{id:\\d+}/co-units/{unitId:\\d+}/reminders                  ------YY",
            // statistics
            "GET    /api/v1/proposals/stats                                                -YYYY---",
            "GET    /api/v1/proposals/stats/breakdown                                      -YYYYYYY",
            "GET    /api/v1/proposals/stats/breakdown.xlsx                                 -YYYYYYY",
            "GET    /api/v1/proposals/stats/report.docx                                    -YYYY---",
            "GET    /stats                                                                 -YYYYYYY",
            "GET    /stats/tables.xlsx                                                     -YYYYYYY",
            "GET    /stats/report.docx                                                     -YYYYYYY",
            "POST   /api/v1/proposals/stats/rebuild                                        -Y------",
            // public pages and API
            "GET    /api/v1/public/proposals                                               YYYYYYYY",
            "GET    /api/v1/public/proposals/{id}                                          YYYYYYYY",
            "GET    /public                                                                YYYYYYYY",
            "GET    /public/proposals                                                      YYYYYYYY",
            "GET    /public/proposals/{id}                                                 YYYYYYYY",
            // infrastructure: error page and API docs
            "ANY    /error                                                                 YYYYYYYY",
            "GET    /v3/api-docs                                                           YYYYYYYY",
            "GET    /v3/api-docs.yaml                                                      YYYYYYYY",
            "GET    /v3/api-docs/swagger-config                                            YYYYYYYY",
            "GET    /swagger-ui.html                                                       YYYYYYYY",
            // social reports
            "POST   /api/v1/social-reports                                                 -----Y--",
            "GET    /api/v1/social-reports                                                 -YYYYYYY",
            "GET    /api/v1/social-reports/{id}                                            -YYYYYYY",
            "PATCH  /api/v1/social-reports/{id}                                            -YYYYYYY",
            "POST   /api/v1/social-reports/{id}/adopt                                      -YYYYYYY",
            "POST   /api/v1/social-reports/{id}/reject                                     -YYYYYYY",
            "POST   /api/v1/social-reports/{id}/comments                                   -YYYYYYY",
            "POST   /api/v1/social-reports/{id}/attachments                                -YYYYYYY",
            "GET    /api/v1/social-reports/{id}/attachments/{attachmentId}                 -YYYYYYY",
            "GET    /api/v1/social-reports/figures                                         -YYY----",
            "GET    /api/v1/social-reports/figures/export                                  -YYY----",
            "POST   /api/v1/social-reports/{id}/withdraw-adoption                          -YYYYYYY",
            "GET    /social-reports/mine                                                   -YYYYYYY",
            "POST   /social-reports                                                        -----Y--",
            "GET    /social-reports                                                        -YYYYYYY",
            "GET    /social-reports/table                                                  -YYYYYYY",
            "GET    /social-reports/{id}                                                   -YYYYYYY",
            "POST   /social-reports/{id}/edit                                              -YYYYYYY",
            "POST   /social-reports/{id}/adopt                                             -YYYYYYY",
            "POST   /social-reports/{id}/reject                                            -YYYYYYY",
            "POST   /social-reports/{id}/withdraw-adoption                                 -YYYYYYY",
            "POST   /social-reports/{id}/comments                                          -YYYYYYY",
            "POST   /social-reports/{id}/attachments                                       -YYYYYYY",
            "GET    /social-reports/{id}/attachments/{attachmentId}                        -YYYYYYY",
            "GET    /social-reports/figures                                                -YYY----",
            "GET    /social-reports/figures/export                                         -YYY----",
            // activities
            "POST   /api/v1/activities                                                     -Y------",
            "GET    /api/v1/activities                                                     -Y------",
            "GET    /api/v1/activities/mine                                                -YYYYYYY",
            "GET    /api/v1/activities/feed-link                                           -YYYYYYY",
            "GET    /api/v1/activities/statistics                                          -Y-Y----",
            "GET    /api/v1/activities/statistics/export                                   -Y-Y----",
            "GET    /api/v1/activities/{id}                                                -YYYYYYY",
            "POST   /api/v1/activities/{id}/leave-requests                                 -YYYYYYY",
            "GET    /api/v1/activities/{id}/leave-requests                                 -Y------",
            "POST   /api/v1/activities/{id}/leave-requests/{requestId}/decision            -Y------",
            "POST   /api/v1/activities/{id}/check-ins                                      -YYYYYYY",
            "GET    /api/v1/activities/{id}/check-in-code                                  -Y------",
            "GET    /api/v1/activities/{id}/attendance                                     -Y------",
            "POST   /api/v1/activities/{id}/attendance/{memberId}/correction               -Y------",
            "GET    /api/v1/activities/{id}/attendance/history                             -Y------",
            "POST   /api/v1/activities/{id}/speeches                                       -Y------",
            "GET    /api/v1/activities/{id}/speeches                                       -YYYYYYY",
            "POST   /api/v1/activities/{id}/cancel                                         -Y------",
            "POST   /api/v1/activities/{id}/outcomes                                       -Y------",
            "GET    /api/v1/activities/{id}/outcomes                                       -YYYYYYY",
            "GET    /api/v1/activities/{id}/outcomes/{fileId}                              -YYYYYYY",
            "GET    /public/activities/feed/{committeeId}/{memberId}/{signature}.ics       YYYYYYYY",
            "GET    /activities                                                            -YYYYYYY",
            "GET    /activities/mine                                                       -YYYYYYY",
            "GET    /activities/new                                                        -Y------",
            "POST   /activities                                                            -Y------",
            "GET    /activities/{id}                                                       -YYYYYYY",
            "GET    /activities/{id}/attendance                                            -YYYYYYY",
            "POST   /activities/{id}/leave                                                 -YYYYYYY",
            "POST   /activities/{id}/leave-requests/{requestId}/decision                   -Y------",
            "POST   /activities/{id}/tick/{memberId}                                       -Y------",
            "POST   /activities/{id}/correction                                            -Y------",
            "POST   /activities/{id}/speeches                                              -Y------",
            "POST   /activities/{id}/cancel                                                -Y------",
            "POST   /activities/{id}/outcomes                                              -Y------",
            "GET    /activities/{id}/outcomes/{fileId}                                     -YYYYYYY",
            "GET    /activities/{id}/screen                                                -Y------",
            "GET    /activities/{id}/screen/code                                           -Y------",
            "GET    /activities/{id}/qr.png                                                -Y------",
            "GET    /activities/{id}/check-in                                              -YYYYYYY",
            "GET    /activities/statistics                                                 -Y-Y----",
            "GET    /activities/statistics.xlsx                                            -Y-Y----",
            // assessment
            "GET    /api/v1/assessment/rules                                               -Y------",
            "PUT    /api/v1/assessment/rules                                               -Y------",
            "POST   /api/v1/assessment/runs                                                -Y------",
            "GET    /api/v1/assessment/runs                                                -YYYY---",
            "GET    /api/v1/assessment/runs/{id}                                           -YYYY---",
            "GET    /api/v1/assessment/runs/{id}/consequences                              -YYYY---",
            "GET    /api/v1/assessment/runs/{id}/export                                    -YYYY---",
            "GET    /api/v1/assessment/runs/{id}/notice                                    -YYYY---",
            "GET    /api/v1/assessment/mine                                                -YYYYYYY",
            "GET    /api/v1/assessment/figures                                             -YYYY---",
            "POST   /api/v1/assessment/rebuilds                                            -Y------",
            "GET    /api/v1/assessment/rebuilds                                            -Y------",
            "GET    /api/v1/assessment/rebuilds/{id}                                       -Y------",
            "GET    /api/v1/members/{id}/duty-record                                       -YYYYYYY",
            "POST   /api/v1/members/{id}/duty-record                                       -Y------",
            "GET    /api/v1/members/{id}/duty-record/{entryId}/evidence                    -YYYYYYY",
            "POST   /api/v1/members/{id}/actions                                           -Y------",
            "GET    /api/v1/members/{id}/actions                                           -YYYYYYY",
            "POST   /api/v1/members/{id}/actions/{actionId}/documents                      -Y------",
            "GET    /api/v1/members/{id}/actions/{actionId}/documents/{documentId}         -YYYY---",
            "POST   /api/v1/members/{id}/resignation                                       -----Y--",
            "GET    /api/v1/members/{id}/resignation                                       -YYYYYYY",
            "POST   /api/v1/members/{id}/resignation/approve                               -Y------",
            "GET    /assessment/mine                                                       -YYYYYYY",
            "GET    /assessment                                                            -YYYY---",
            "POST   /assessment/runs                                                       -Y------",
            "GET    /assessment/runs/{id}                                                  -YYYY---",
            "GET    /assessment/runs/{id}/progress                                         -YYYY---",
            "GET    /assessment/rules                                                      -Y------",
            "POST   /assessment/rules                                                      -Y------",
            "POST   /assessment/rebuilds                                                   -Y------",
            "GET    /assessment/rebuilds/{id}/progress                                     -Y------",
            // democratic evaluation and township assessment (issue 13)
            "GET    /api/v1/evaluations/candidates                                         -Y------",
            "POST   /api/v1/evaluations                                                    -Y------",
            "GET    /api/v1/evaluations                                                    -Y-YY---",
            "GET    /api/v1/evaluations/{id}                                               -Y-YY---",
            "POST   /api/v1/evaluations/{id}/groups                                        -Y------",
            "POST   /api/v1/evaluations/{id}/groups/{groupId}/activities                   -Y------",
            "POST   /api/v1/evaluations/{id}/ballots                                       -YYYYYYY",
            "POST   /api/v1/evaluations/{id}/ballot-codes                                  -Y------",
            "POST   /api/v1/evaluations/{id}/paper-ballots                                 -Y------",
            "GET    /api/v1/evaluations/{id}/results                                       YYYYYYYY",
            "POST   /api/v1/evaluations/{id}/publish                                       -Y------",
            "GET    /api/v1/evaluations/{id}/announcement.docx                             YYYYYYYY",
            "PUT    /api/v1/evaluations/{id}/settings                                      -Y------",
            "GET    /api/v1/public/ballots/{code}                                          YYYYYYYY",
            "POST   /api/v1/public/ballots/{code}                                          YYYYYYYY",
            "POST   /api/v1/township-assessments                                           -Y------",
            "GET    /api/v1/township-assessments                                           -Y-YY---",
            "GET    /api/v1/township-assessments/chart                                     -Y-YY---",
            "GET    /api/v1/township-assessments/{id}                                      -Y-YY---",
            "POST   /api/v1/township-assessments/{id}/scores                               -Y------",
            "GET    /api/v1/township-assessments/{id}/results                              -Y-YY---",
            "GET    /api/v1/township-assessments/{id}/export                               -Y-YY---",
            "POST   /api/v1/township-assessments/{id}/evidence                             -Y------",
            "GET    /api/v1/township-assessments/{id}/evidence/{evidenceId}                -Y-YY---",
            "GET    /evaluations                                                           -Y-YY---",
            "POST   /evaluations                                                           -Y------",
            "GET    /evaluations/{id:\\d+}                                                  -Y-YY---",
            "POST   /evaluations/{id:\\d+}/groups                                           -Y------",
            "POST   /evaluations/{id:\\d+}/ballot-codes                                     -Y------",
            "GET    /evaluations/{id:\\d+}/sheets                                           -Y------",
            "POST   /evaluations/{id:\\d+}/paper-ballots                                    -Y------",
            "POST   /evaluations/{id:\\d+}/publish                                          -Y------",
            "POST   /evaluations/{id:\\d+}/settings                                         -Y------",
            "GET    /evaluations/mine                                                      -YYYYYYY",
            "GET    /evaluations/{id:\\d+}/vote                                             -YYYYYYY",
            "POST   /evaluations/{id:\\d+}/vote                                             -YYYYYYY",
            "GET    /ballot/{code}                                                         YYYYYYYY",
            "POST   /ballot/{code}                                                         YYYYYYYY",
            "GET    /public/evaluations                                                    YYYYYYYY",
            "GET    /public/evaluations/{id:\\d+}                                           YYYYYYYY",
            "GET    /township-assessments                                                  -Y-YY---",
            "POST   /township-assessments                                                  -Y------",
            "GET    /township-assessments/{id:\\d+}                                         -Y-YY---",
            "POST   /township-assessments/{id:\\d+}/scores                                  -Y------",
            "POST   /township-assessments/{id:\\d+}/evidence                                -Y------",
    };

    static final List<String> CALLERS = List.of("anonymous", "ADMIN", "PROPOSAL_STAFF", "LEADER_CPPCC", "LEADER_GOV",
            "MEMBER", "UNIT_HANDLER", "UNIT_HEAD");

    @Autowired
    WebInvocationPrivilegeEvaluator privileges;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mapping;

    @Test
    void everyRouteForEveryCallerIsDecidedAsTheMatrixSays() {
        Map<String, String> expected = matrix();
        Set<String> all = new Routes(mapping).all();
        List<String> wrong = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        int decisions = 0;
        for (String route : all) {
            String cells = expected.get(route);
            if (cells == null) {
                unlisted.add(route);
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String uri = Routes.example(route.substring(route.indexOf(' ') + 1));
            for (int i = 0; i < CALLERS.size(); i++) {
                boolean allowed = privileges.isAllowed("", uri, method.equals("ANY") ? "GET" : method, caller(CALLERS.get(i)));
                decisions++;
                if (allowed != (cells.charAt(i) == 'Y')) {
                    wrong.add(route + " for " + CALLERS.get(i) + ": " + (allowed ? "allowed" : "refused"));
                }
            }
        }
        System.out.printf("%d routes x %d callers = %d decisions, %d wrong%n", all.size(), CALLERS.size(), decisions,
                wrong.size());
        assertThat(unlisted).as("routes without a line in MATRIX").isEmpty();
        assertThat(wrong).as("decisions that differ from MATRIX").isEmpty();
        assertThat(expected.keySet()).as("MATRIX lines without a route").isSubsetOf(all);
    }

    @Autowired
    UnlistedRoutes unlisted;

    @Test
    void aControllerRouteWithoutARuleIsRefusedToEveryone() {
        // as if the rule of an existing route had been forgotten: the fallback finds its handler and refuses
        for (String caller : CALLERS) {
            var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/v1/users");
            var decision = unlisted.authorize(() -> caller(caller),
                    new org.springframework.security.web.access.intercept.RequestAuthorizationContext(request));
            assertThat(decision.isGranted()).as(caller).isFalse();
        }
        // a path no controller answers gets its 404 (signed in) or the sign-in (anonymous)
        var nowhere = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/v1/not-a-route");
        assertThat(unlisted.authorize(() -> caller("MEMBER"),
                new org.springframework.security.web.access.intercept.RequestAuthorizationContext(nowhere)).isGranted()).isTrue();
        assertThat(unlisted.authorize(() -> caller("anonymous"),
                new org.springframework.security.web.access.intercept.RequestAuthorizationContext(nowhere)).isGranted()).isFalse();
        assertThat(api.get("/api/v1/not-a-route").status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/not-a-route").status()).isEqualTo(404);
    }

    static Map<String, String> matrix() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : MATRIX) {
            String[] parts = line.trim().split("\\s+");
            assertThat(parts).as("MATRIX line %s", line).hasSize(3);
            assertThat(parts[2]).as("MATRIX line %s", line).matches("[Y-]{8}");
            assertThat(m.put(parts[0] + " " + parts[1], parts[2])).as("twice in MATRIX: %s", line).isNull();
        }
        return m;
    }

    static Authentication caller(String name) {
        if (name.equals("anonymous")) {
            return new AnonymousAuthenticationToken("test", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        }
        Role role = Role.valueOf(name);
        CurrentUser user = new CurrentUser(1L, "matrix-" + name.toLowerCase(), name, 1L, Set.of(role), null, null);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority("ROLE_" + name)));
    }
}
