package org.xieshang.shared.web;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Finds which JSON field a body error is about, so it can be reported as a field error. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String fieldOf(Throwable ex) {
        MismatchedInputException mismatch = find(ex, MismatchedInputException.class);
        if (mismatch == null || mismatch.getPath().isEmpty()) {
            return null;
        }
        return mismatch.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static boolean isUnknownValue(Throwable ex) {
        InvalidFormatException format = find(ex, InvalidFormatException.class);
        return format != null && format.getTargetType() != null && format.getTargetType().isEnum();
    }

    static <T extends JacksonException> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
