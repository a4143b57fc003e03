package org.fangpin.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import org.fangpin.platform.actor.RequestContext;

/**
 * Builds RFC 9457 problem details: a stable {@code code}, the detail in the request's language (Chinese unless the
 * client asks for English), both messages under {@code messages}, and the correlation id.
 */
public class Problems {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** A refusal written by a filter, before any controller runs, in the request's language. */
    public void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json, HttpStatus status,
                      String code, Object... args) throws IOException {
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? CHINESE : request.getLocale();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem(status, code, locale, args));
    }

    public ProblemDetail problem(HttpStatus status, String code, Locale requested, Object... args) {
        String chinese = message(code, args, CHINESE);
        String english = message(code, args, Locale.ENGLISH);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                Locale.ENGLISH.getLanguage().equals(requested.getLanguage()) ? english : chinese);
        problem.setType(URI.create("urn:fangpin:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        Map<String, String> both = new LinkedHashMap<>();
        both.put("zh-CN", chinese);
        both.put("en", english);
        problem.setProperty("messages", both);
        RequestContext.currentCorrelationId().ifPresent(id -> problem.setProperty("correlationId", id));
        return problem;
    }

    private String message(String code, Object[] args, Locale locale) {
        try {
            return messages.getMessage("problem." + code, plain(args), locale);
        } catch (NoSuchMessageException e) {
            return code;
        }
    }

    /** Numbers as written (a year is 2026, an amount 8300.00), not in MessageFormat's grouped form "2,026". */
    private static Object[] plain(Object[] args) {
        return Arrays.stream(args).map(arg -> arg instanceof Number number ? String.valueOf(number) : arg)
                .toArray();
    }
}
