package org.xieshang.shared.jpa;

import java.util.Collections;

/** The bind markers of a plain SQL {@code in (...)} list or values row: {@code n} question marks, comma-separated. */
public final class BindMarks {

    private BindMarks() {
    }

    public static String of(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
