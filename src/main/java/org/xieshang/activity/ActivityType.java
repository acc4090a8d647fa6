package org.xieshang.activity;

/** Kinds of activity (活动类型); plenary sessions and standing committee meetings are activities too. */
public enum ActivityType {
    PLENARY, STANDING_COMMITTEE_MEETING, INSPECTION, RESEARCH, CONSULTATION, STUDY, STUDIO, OTHER
}
