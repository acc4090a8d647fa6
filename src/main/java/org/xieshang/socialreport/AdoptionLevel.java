package org.xieshang.socialreport;

/** The level at which a report was adopted (采用层级); higher levels count more in the duty record. */
public enum AdoptionLevel {
    DISTRICT, CITY, PROVINCE, NATIONAL
}
