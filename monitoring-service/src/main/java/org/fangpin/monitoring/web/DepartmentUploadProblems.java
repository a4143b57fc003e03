package org.fangpin.monitoring.web;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import org.fangpin.platform.web.Problems;

/**
 * A multipart form sent in chunks (no length announced) beyond the size accepted stops while the servlet container
 * parses it, before any controller: answered like every body beyond its limit, 413 {@code REQUEST_TOO_LARGE}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DepartmentUploadProblems {

    private final Problems problems;

    DepartmentUploadProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE", locale);
    }
}
