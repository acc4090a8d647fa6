package org.xieshang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.xieshang.shared.error.DomainException;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.TooManyRequests;

/**
 * Every API error as {@code application/problem+json} (RFC 9457) in the user's language:
 * {@code type, title, status, detail} and {@code errors:[{field,message}]} for invalid input.
 * Bad input is always a 4xx; only a real fault is a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    public ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException ex) {
        ProblemDetail problem = problem(ex.status(), text(ex.messageKey(), ex.args()));
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof InvalidInput invalid) {
            List<Map<String, String>> errors = new ArrayList<>();
            invalid.problems().forEach(p -> errors.add(Map.of("field", p.field(), "message", text(p.messageKey(), p.args()))));
            problem.setProperty("errors", errors);
        }
        if (ex instanceof TooManyRequests tooMany) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
        }
        return respond(problem, headers);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex) {
        return respond(problem(HttpStatus.CONFLICT, text("error.concurrentChange")), new HttpHeaders());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        log.info("integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.CONFLICT, text("error.duplicate")), new HttpHeaders());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return respond(invalid(ex.getName(), text("validation.typeMismatch")), new HttpHeaders());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException ex) {
        return respond(problem(HttpStatus.FORBIDDEN, text("error.forbidden")), new HttpHeaders());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
        return respond(problem(HttpStatus.UNAUTHORIZED, text("error.unauthenticated")), new HttpHeaders());
    }

    /**
     * A multipart body the container cannot read: a file name with a NUL byte (refused by Tomcat's parser), or a
     * malformed body. The client's fault, so 400; too large an upload keeps its 413 (handled by the base class).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.fileupload.InvalidFileNameException) {
                return respond(invalid("file", text("validation.fileName")), new HttpHeaders());
            }
        }
        log.info("unreadable multipart body: {}", ex.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.BAD_REQUEST, text("error.malformedBody")), new HttpHeaders());
    }

    /**
     * The search cluster did not answer in time or cannot be reached: the service is unavailable for a moment,
     * not broken, so 503 with Retry-After (clients and the proxy may retry); any other search fault stays a 500.
     */
    @ExceptionHandler(org.hibernate.search.util.common.SearchException.class)
    ResponseEntity<Object> search(org.hibernate.search.util.common.SearchException ex, HttpServletRequest request) {
        if (!searchUnavailable(ex)) {
            return unexpected(ex, request);
        }
        log.warn("search unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, text("error.searchUnavailable")), headers);
    }

    static boolean searchUnavailable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.search.util.common.SearchTimeoutException || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, text("error.internal")), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", messages.getMessage(error, locale)));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("field", error.getObjectName(), "message", messages.getMessage(error, locale))));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.invalidInput"));
        problem.setProperty("errors", errors);
        return respond(problem, new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", messages.getMessage(error, locale)))));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.invalidInput"));
        problem.setProperty("errors", errors);
        return respond(problem, new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (BodySizeLimitFilter.isTooLarge(ex)) {
            return respond(problem(HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge")), new HttpHeaders());
        }
        String field = JsonErrors.fieldOf(ex);
        if (field != null) {
            return respond(invalid(field, text(JsonErrors.isUnknownValue(ex) ? "validation.unknownValue" : "validation.typeMismatch")),
                    new HttpHeaders());
        }
        return respond(problem(HttpStatus.BAD_REQUEST, text("error.malformedBody")), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge")), new HttpHeaders());
    }

    /** The framework's own errors (404, 405, 415, missing parameters...) with a localized detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ProblemDetail problem = problem(status, text("error.http." + status.value()));
        HttpHeaders out = new HttpHeaders();
        if (headers != null && headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            out.setAllow(headers.getAllow());
        }
        return respond(problem, out);
    }

    private ProblemDetail invalid(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.invalidInput"));
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:xieshang:problem:" + status.value()));
        problem.setTitle(text("error.http." + status.value()));
        return problem;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
