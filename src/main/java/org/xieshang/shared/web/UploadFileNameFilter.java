package org.xieshang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xieshang.shared.FileNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an upload whose file name holds a NUL byte, a control character or a direction override, with 400,
 * before anything reads the form: Tomcat's parser throws on a NUL byte in a file name, and the first reader is
 * the CSRF filter, so without this the answer was a 500 (API, pages and supervision uploads alike).
 * Other parse failures (too large a body…) are left to the handlers that already answer them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class UploadFileNameFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    public UploadFileNameFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acceptable = true;
        try {
            for (Part part : request.getParts()) {
                String name = part.getSubmittedFileName();
                if (name != null && !FileNames.acceptable(name)) {
                    acceptable = false;
                }
            }
        } catch (org.apache.tomcat.util.http.fileupload.InvalidFileNameException e) {
            acceptable = false;
        } catch (RuntimeException | IOException | ServletException otherwise) {
            // not ours to answer: the same failure reaches the multipart resolver and its handler
        }
        if (acceptable) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = LanguageConfig.resolve(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:xieshang:problem:400");
        problem.put("title", messages.getMessage("error.http.400", null, locale));
        problem.put("status", 400);
        problem.put("detail", messages.getMessage("error.invalidInput", null, locale));
        problem.put("instance", request.getRequestURI());
        problem.put("errors", List.of(Map.of("field", "file", "message",
                messages.getMessage("validation.fileName", null, locale))));
        response.setStatus(400);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
