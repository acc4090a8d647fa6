package org.xieshang.shared.web;

import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.i18n.Messages;

/**
 * What every page template needs: translated texts, the user, the CSRF token, navigation and
 * the current path. Built per request by {@link PageAdvice}.
 */
public final class Ui {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;
    private final Locale locale;
    private final CurrentUser user;
    private final String csrfParameter;
    private final String csrfHeader;
    private final String csrfToken;
    private final String path;
    private final List<NavItem> nav;
    private final long unread;
    private final String query;
    private final java.time.Clock clock;

    /**
     * @param query the request's query string (may be null), kept when the language is switched
     * @param clock the application's clock, in the zone where the committee works: times are shown in
     *              its local time, not the server's
     */
    public Ui(Messages messages, Locale locale, CurrentUser user, String csrfParameter, String csrfHeader,
              String csrfToken, String path, String query, List<NavItem> nav, long unread, java.time.Clock clock) {
        this.unread = unread;
        this.query = query;
        this.clock = clock;
        this.messages = messages;
        this.locale = locale;
        this.user = user;
        this.csrfParameter = csrfParameter;
        this.csrfHeader = csrfHeader;
        this.csrfToken = csrfToken;
        this.path = path;
        this.nav = nav;
    }

    /** The translated text of a key. */
    public String t(String key, Object... args) {
        return messages.get(locale, key, args);
    }

    /** The translated name of an enum value: key {@code enum.<Type>.<VALUE>}. */
    public String e(Enum<?> value) {
        return value == null ? "" : t("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    public String lang() {
        return locale.getLanguage().equals("en") ? "en" : "zh-CN";
    }

    public boolean english() {
        return locale.getLanguage().equals("en");
    }

    public CurrentUser user() {
        return user;
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean has(Role role) {
        return user != null && user.has(role);
    }

    public boolean hasAny(Role... roles) {
        return user != null && user.hasAny(roles);
    }

    public String csrfParameter() {
        return csrfParameter;
    }

    public String csrfHeader() {
        return csrfHeader;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The htmx header attribute value that carries the CSRF token on every htmx request. */
    public String htmxHeaders() {
        return csrfHeader == null ? "{}" : "{\"" + csrfHeader + "\": \"" + csrfToken + "\"}";
    }

    /** Unread notifications of the signed-in user (the inbox badge). */
    public long unread() {
        return unread;
    }

    public String path() {
        return path;
    }

    public List<NavItem> nav() {
        return nav;
    }

    /** A menu group with its entries; a stand-alone link (home, inbox) is a section of one entry and no group. */
    public record NavSection(NavGroup group, java.util.List<NavItem> items, boolean active) {
        public boolean single() {
            return group == NavGroup.NONE;
        }
    }

    /** The menu: home first, then the mechanisms in {@link NavGroup} order, then the other stand-alone links. */
    public List<NavSection> navSections() {
        java.util.Map<NavGroup, java.util.List<NavItem>> grouped = new java.util.EnumMap<>(NavGroup.class);
        java.util.List<NavSection> first = new java.util.ArrayList<>();
        java.util.List<NavSection> last = new java.util.ArrayList<>();
        for (NavItem item : nav) {
            if (item.group() == NavGroup.NONE) {
                (item.href().equals("/") ? first : last).add(new NavSection(NavGroup.NONE, List.of(item), active(item)));
            } else {
                grouped.computeIfAbsent(item.group(), g -> new java.util.ArrayList<>()).add(item);
            }
        }
        grouped.forEach((g, items) -> first.add(new NavSection(g, items, items.stream().anyMatch(this::active))));
        first.addAll(last);
        return first;
    }

    public boolean active(NavItem item) {
        return item.href().equals("/") ? path.equals("/") : path.startsWith(item.href());
    }

    public String dateTime(java.time.Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.getZone()));
    }

    /** Today where the committee works (the default of date fields). */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    /** This page in another language: the same address and parameters, with {@code lang} replaced. */
    public String languageLink(String language) {
        StringBuilder link = new StringBuilder("?");
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("lang=")) {
                    link.append(pair).append('&');
                }
            }
        }
        return link.append("lang=").append(language).toString();
    }

    public String date(TemporalAccessor date) {
        return date == null ? "" : date.toString();
    }
}
