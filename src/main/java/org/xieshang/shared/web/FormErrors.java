package org.xieshang.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;

/** Field errors for a page form, each shown next to its field. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private String general;

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(InvalidInput invalid, Messages messages) {
        FormErrors errors = new FormErrors();
        invalid.problems().forEach(p -> errors.byField.putIfAbsent(p.field(), messages.get(p.messageKey(), p.args())));
        return errors;
    }

    public static FormErrors general(String message) {
        FormErrors errors = new FormErrors();
        errors.general = message;
        return errors;
    }

    public boolean any() {
        return general != null || !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    public String general() {
        return general;
    }
}
