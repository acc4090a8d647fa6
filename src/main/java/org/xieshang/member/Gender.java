package org.xieshang.member;

public enum Gender {
    MALE, FEMALE
}
