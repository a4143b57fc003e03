package org.fangpin.platform.web;

import java.util.Arrays;

import org.springframework.http.HttpStatus;

/**
 * A request the rules refuse. The {@code code} is stable (clients and tests match on it); its Chinese and English
 * messages come from {@code messages*.properties} under {@code problem.<CODE>}, with {@code args} filled in.
 * Nothing was changed when it is thrown.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final HttpStatus status;
    private final transient Object[] args;

    private RuleViolation(HttpStatus status, String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.code = code;
        this.status = status;
        this.args = args;
    }

    /** A domain rule refuses the request (422). */
    public static RuleViolation of(String code, Object... args) {
        return new RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, code, args);
    }

    /** The request conflicts with the current state, e.g. a step already taken (409). */
    public static RuleViolation conflict(String code, Object... args) {
        return new RuleViolation(HttpStatus.CONFLICT, code, args);
    }

    /** The thing asked for does not exist (404). */
    public static RuleViolation notFound(String code, Object... args) {
        return new RuleViolation(HttpStatus.NOT_FOUND, code, args);
    }

    /** The caller may not do this here, e.g. outside their region (403). */
    public static RuleViolation forbidden(String code, Object... args) {
        return new RuleViolation(HttpStatus.FORBIDDEN, code, args);
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public Object[] args() {
        return args.clone();
    }
}
