package org.xieshang.shared.web;

import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A page's form that was refused, with what was entered, so that the page shows it again with the
 * errors next to the fields; {@link #none()} when nothing failed.
 */
public final class ActionForm {

    private final String name;
    private final MultiValueMap<String, String> values;
    private final FormErrors errors;

    public ActionForm(String name, MultiValueMap<String, String> values, FormErrors errors) {
        this.name = name;
        this.values = values;
        this.errors = errors;
    }

    public static ActionForm none() {
        return new ActionForm(null, new LinkedMultiValueMap<>(), FormErrors.none());
    }

    public boolean failed(String form) {
        return form.equals(name);
    }

    public boolean any() {
        return name != null;
    }

    public String name() {
        return name;
    }

    /** The errors of this form, or none when another one failed. */
    public FormErrors errors(String form) {
        return failed(form) ? errors : FormErrors.none();
    }

    public FormErrors errors() {
        return errors;
    }

    /** What was entered in a field of the failed form, or the default for a fresh one. */
    public String value(String form, String field, String fallback) {
        if (!failed(form)) {
            return fallback;
        }
        String v = values.getFirst(field);
        return v == null ? "" : v;
    }

    public boolean chosen(String form, String field, Object option, boolean fallback) {
        if (!failed(form)) {
            return fallback;
        }
        List<String> v = values.get(field);
        return v != null && option != null && v.contains(String.valueOf(option));
    }
}
