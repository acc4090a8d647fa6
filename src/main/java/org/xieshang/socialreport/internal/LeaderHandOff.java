package org.xieshang.socialreport.internal;

/**
 * Where an adopted report goes to leaders: DESIGN §7 sends it as a 社情民意专报 bulletin through the
 * bulletin module ({@link BulletinLeaderHandOff}); their comments (批示) on that bulletin come back
 * to the report through {@link SocialReportBulletinSubjects}.
 */
interface LeaderHandOff {

    /** Called in the adopting transaction, by the adopting office user, once the report is ADOPTED. */
    void adopted(Long reportId, String title, String content);
}
