package org.xieshang.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xieshang.shared.web.LanguageConfig;
import tools.jackson.databind.json.JsonMapper;

/** problem+json answers written by the security filters, in the caller's language. */
@Component
class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    ProblemWriter(MessageSource messages) {
        this.messages = messages;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String detailKey) throws IOException {
        Locale locale = LanguageConfig.resolve(request);
        String title = messages.getMessage("error.http." + status, null, String.valueOf(status), locale);
        String detail = messages.getMessage(detailKey, null, detailKey, locale);
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(JSON.writeValueAsString(Map.of("type", "urn:xieshang:problem:" + status,
                "title", title, "status", status, "detail", detail)));
    }
}
