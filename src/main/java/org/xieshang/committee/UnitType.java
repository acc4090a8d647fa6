package org.xieshang.committee;

/** Kinds of units (单位): government departments, party departments, townships and streets, others. */
public enum UnitType {
    DEPARTMENT, PARTY_DEPARTMENT, TOWNSHIP, OTHER
}
