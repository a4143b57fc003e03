package org.fangpin.timeline.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.fangpin.platform.web.Problems;
import org.fangpin.timeline.query.Exports.ExportTimedOut;

/**
 * An export stopped by its statement timeout answers 503 problem+json {@code EXPORT_TIMED_OUT}, ahead of the
 * platform's handler of unexpected failures. A CSV whose first rows were already sent cannot be answered any more:
 * the client gets a cut-off file, and the log says so.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExportProblems {

    private static final Logger log = LoggerFactory.getLogger(ExportProblems.class);

    private final Problems problems;

    ExportProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ExportTimedOut.class)
    ResponseEntity<ProblemDetail> exportTimedOut(ExportTimedOut timedOut, HttpServletResponse response,
                                                 Locale locale) {
        if (response.isCommitted()) {
            log.warn("An export was stopped by its statement timeout of {} after its first rows were sent",
                    timedOut.timeout());
            return null;
        }
        // the problem is shown, not saved as the file the export would have been
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
        log.warn("An export was stopped by its statement timeout of {}", timedOut.timeout());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "EXPORT_TIMED_OUT", locale,
                        timedOut.timeout().toSeconds()));
    }
}
