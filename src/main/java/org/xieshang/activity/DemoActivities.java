package org.xieshang.activity;

import java.util.List;

/**
 * Acts out a year of the demo committee's activities through the same use cases as people do:
 * plenary and standing committee meetings with attendance, a dozen activities of every type with
 * leaves and absences, speeches, and upcoming ones. Runs as the committee's system administrator
 * (the office), with members checking in and asking for leave as themselves.
 */
public interface DemoActivities {

    /**
     * @param memberIds    the committee's members, in order
     * @param demoMemberId the member of the demo's "member" account, who gets an upcoming activity
     */
    void load(List<Long> memberIds, Long demoMemberId);
}
