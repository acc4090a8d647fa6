package org.xieshang.bulletin;

import java.util.List;

/** 政协简讯 BRIEF / 提案要点 KEY_POINTS / 社情民意专报 SOCIAL_CONDITIONS; each kind is numbered on its own per year. */
public enum BulletinKind {
    BRIEF, KEY_POINTS, SOCIAL_CONDITIONS;

    /** The kinds the office compiles from proposals (its form and POST /api/v1/bulletins); the rest come from their modules. */
    public static final List<BulletinKind> OFFICE_KINDS = List.of(BRIEF, KEY_POINTS);
}
