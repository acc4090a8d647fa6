package org.xieshang.committee;

public enum CommitteeLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY
}
