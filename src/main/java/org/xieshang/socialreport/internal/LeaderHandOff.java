package org.xieshang.socialreport.internal;

/**
 * Where an adopted report goes to leaders. DESIGN §7 sends it as a 社情民意专报 bulletin through
 * the bulletin module; until that module's API is on main, {@link InboxLeaderHandOff} tells the
 * leaders in their inbox and their comments (批示) are recorded on the report itself. The
 * merger replaces that bean with one that issues the bulletin about the report.
 */
interface LeaderHandOff {

    void adopted(Long reportId, String title);
}
