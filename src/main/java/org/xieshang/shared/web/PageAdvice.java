package org.xieshang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.DomainException;
import org.xieshang.shared.i18n.Messages;

/** Adds {@link Ui} to every page, and turns refusals on pages into a readable error page. */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final Messages messages;
    private final List<NavContributor> contributors;
    private final org.springframework.beans.factory.ObjectProvider<UnreadCounter> unread;

    private final java.time.Clock clock;

    public PageAdvice(Messages messages, List<NavContributor> contributors,
                      org.springframework.beans.factory.ObjectProvider<UnreadCounter> unread, java.time.Clock clock) {
        this.clock = clock;
        this.messages = messages;
        this.contributors = contributors;
        this.unread = unread;
    }

    @ModelAttribute("ui")
    public Ui ui(HttpServletRequest request) {
        return build(request);
    }

    public Ui build(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var user = CurrentUsers.current().orElse(null);
        List<NavItem> nav = user == null ? List.of() : contributors.stream()
                .flatMap(c -> c.items(user).stream())
                .sorted(Comparator.comparingInt(NavItem::order)).toList();
        long unreadCount = 0;
        if (user != null) {
            UnreadCounter counter = unread.getIfAvailable();
            unreadCount = counter == null ? 0 : counter.unreadOfCurrentUser();
        }
        return new Ui(messages, LocaleContextHolder.getLocale(), user,
                csrf == null ? null : csrf.getParameterName(), csrf == null ? null : csrf.getHeaderName(),
                csrf == null ? null : csrf.getToken(), request.getRequestURI(), request.getQueryString(), nav, unreadCount,
                clock);
    }

    @ExceptionHandler(DomainException.class)
    public String refused(DomainException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(ex.status().value());
        model.addAttribute("ui", build(request));
        model.addAttribute("status", ex.status().value());
        model.addAttribute("message", messages.get(ex.messageKey(), ex.args()));
        return "error/page";
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public String concurrent(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("ui", build(request));
        model.addAttribute("status", 409);
        model.addAttribute("message", messages.get("error.concurrentChange"));
        return "error/page";
    }
}
