package org.xieshang.shared.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message keys in the current user's language (zh-CN default, en). */
@Component
public class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    /**
     * The committee's language. Texts generated into records or into the committee's own documents
     * (a bulletin's drafted body, the yearly report) use it, never the reader's language nor the
     * server's default locale (which outside a request is whatever the JVM runs with).
     */
    public static final Locale COMMITTEE_LOCALE = DEFAULT_LOCALE;

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        return get(LocaleContextHolder.getLocale(), key, args);
    }

    /** A text in the committee's language (see {@link #COMMITTEE_LOCALE}). */
    public String committee(String key, Object... args) {
        return get(COMMITTEE_LOCALE, key, args);
    }

    public String get(Locale locale, String key, Object... args) {
        return source.getMessage(key, args, key, locale);
    }
}
