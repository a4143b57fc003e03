package org.fangpin.monitoring.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import org.fangpin.platform.web.Problems;

/**
 * Department files are received a few at a time, so what their uploads write to disk (a multipart form's file, a
 * spreadsheet read from disk) is bounded by the number of slots times the largest file accepted. A slot is taken
 * before anything reads the body (the multipart form is parsed after this filter); without a free slot the upload is
 * answered with 503 {@code DEPARTMENT_UPLOADS_BUSY} and a {@code Retry-After}, and nothing of it is read.
 */
public class DepartmentUploadSlots extends OncePerRequestFilter {

    static final String PATH = "/api/department-data/batches";
    private static final String RETRY_AFTER_SECONDS = "30";

    private final Semaphore slots;
    private final Problems problems;
    private final ObjectMapper json;

    public DepartmentUploadSlots(int slots, Problems problems, ObjectMapper json) {
        this.slots = new Semaphore(slots);
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!slots.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.write(request, response, json, HttpStatus.SERVICE_UNAVAILABLE, "DEPARTMENT_UPLOADS_BUSY");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }
}
