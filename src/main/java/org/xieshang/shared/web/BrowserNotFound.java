package org.xieshang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.xieshang.shared.i18n.Messages;
import tools.jackson.databind.json.JsonMapper;

/**
 * An address nothing answers, asked for by a browser (it accepts text/html): the site's own error page
 * instead of raw JSON. Under {@code /api/} it stays problem+json whatever the client accepts; other
 * clients get problem+json from {@link ApiExceptionHandler}, which handles the same exceptions
 * without this content negotiation.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BrowserNotFound {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PageAdvice pages;
    private final Messages messages;

    public BrowserNotFound(PageAdvice pages, Messages messages) {
        this.pages = pages;
        this.messages = messages;
    }

    @ExceptionHandler(value = {NoResourceFoundException.class, NoHandlerFoundException.class},
            produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(404);
        if (request.getRequestURI().startsWith("/api/")) {
            var problem = new java.util.LinkedHashMap<String, Object>();
            problem.put("type", "about:blank");
            problem.put("title", messages.get("error.http.404"));
            problem.put("status", 404);
            problem.put("detail", messages.get("error.page.notFound"));
            problem.put("instance", request.getRequestURI());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getWriter(), problem);
            return null; // answered
        }
        ModelAndView page = new ModelAndView("error/page");
        page.addObject("ui", pages.build(request));
        page.addObject("status", 404);
        page.addObject("message", messages.get("error.page.notFound"));
        return page;
    }
}
