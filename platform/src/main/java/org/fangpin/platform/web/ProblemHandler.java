package org.fangpin.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

import org.fangpin.platform.failure.TransientFailures;

/** Maps every refusal to problem+json with a stable code; unexpected failures are logged and hidden. */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;

    public ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation, Locale locale) {
        return problems.problem(violation.status(), violation.code(), locale, violation.args());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale);
        problem.setProperty("errors", e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList());
        return problem;
    }

    /** A parameter that breaks its constraint (a {@code @Validated} controller's {@code @Min}, {@code @Pattern}, ...). */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidConstraint(ConstraintViolationException e, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", locale);
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(violation -> Map.of("field", parameter(violation.getPropertyPath().toString()),
                        "message", violation.getMessage()))
                .toList());
        return problem;
    }

    /** A required query parameter or header missing: named, so the client knows what to send. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ProblemDetail missingParameter(Exception e, Locale locale) {
        String name = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
                : ((MissingRequestHeaderException) e).getHeaderName();
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "PARAMETER_MISSING", locale, name);
        problem.setProperty("errors", List.of(Map.of("field", name, "message", "required")));
        return problem;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e, Locale locale) {
        if (tooLarge(e)) {
            return problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE", locale);
        }
        return problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", locale);
    }

    @ExceptionHandler(RequestBodyLimit.RequestBodyTooLargeException.class)
    ProblemDetail requestTooLarge(Exception e, Locale locale) {
        return problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE", locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(Exception e, Locale locale) {
        return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(Exception e, Locale locale) {
        return problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchPath(Exception e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", locale);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownHousehold(AggregateNotFoundException e, Locale locale) {
        return problems.problem(HttpStatus.NOT_FOUND, "HOUSEHOLD_NOT_FOUND", locale, e.getAggregateIdentifier());
    }

    /** Two writes to the same household at once: the first one won, this one changed nothing. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentChange(Exception e, Locale locale) {
        return problems.problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e, Locale locale) {
        return problems.problem(HttpStatus.FORBIDDEN, "FORBIDDEN", locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the user closed the page or lost the connection: no one to answer, nothing for an operator to do
            log.debug("Client went away: {}", e.toString());
            return null;
        }
        if (tooLarge(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE", locale));
        }
        if (TransientFailures.isTransient(e)) {
            // the database or the broker went away for a moment: nothing was changed, the client may send it again
            log.warn("Request failed for a moment: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", locale));
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError()
                .body(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", locale));
    }

    /** {@code list.region} of a violation's path: the parameter, without the method's name. */
    private static String parameter(String path) {
        return path.substring(path.indexOf('.') + 1);
    }

    /** Whether the failure comes from reading a body beyond its limit (wrapped by whatever was reading it). */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
