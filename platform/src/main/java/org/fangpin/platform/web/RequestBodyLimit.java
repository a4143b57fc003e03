package org.fangpin.platform.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import org.fangpin.platform.PlatformProperties;

/**
 * Caps every request body (OWASP API4): a request that announces more than its path's limit is refused at once with
 * 413 {@code REQUEST_TOO_LARGE}, before anything reads it; one sent in chunks is read through a counter that stops
 * at the limit ({@link RequestBodyTooLargeException}, answered with the same 413). The limit is
 * {@code fangpin.web.max-request-body}, or a larger one a service sets for paths that take files
 * ({@code fangpin.web.large-request-bodies}).
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final PlatformProperties.Web limits;
    private final Problems problems;
    private final ObjectMapper json;

    public RequestBodyLimit(PlatformProperties.Web limits, Problems problems, ObjectMapper json) {
        this.limits = limits;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI()).toBytes();
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, json, HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    DataSize limitFor(String path) {
        List<PlatformProperties.LargeBody> large = limits.largeRequestBodies();
        return large.stream().filter(body -> PATHS.match(body.path(), path)).findFirst()
                .map(PlatformProperties.LargeBody::maxSize).orElse(limits.maxRequestBody());
    }

    /** Read beyond the limit: the request is refused with 413 wherever its body is being read. */
    public static final class RequestBodyTooLargeException extends IOException {
        RequestBodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new Counting(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
