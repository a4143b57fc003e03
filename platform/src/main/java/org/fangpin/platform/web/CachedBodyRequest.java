package org.fangpin.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/** A request whose body a filter has read (to check or hash it), readable again by what comes after. */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    public CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the whole body, within its path's limit ({@link RequestBodyLimit}); beyond it, answers 413
     * {@code REQUEST_TOO_LARGE} and gives nothing.
     */
    public static Optional<CachedBodyRequest> read(HttpServletRequest request, HttpServletResponse response,
                                                   Problems problems, ObjectMapper json) throws IOException {
        try {
            return Optional.of(new CachedBodyRequest(request, request.getInputStream().readAllBytes()));
        } catch (RequestBodyLimit.RequestBodyTooLargeException tooLarge) {
            problems.write(request, response, json, HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE");
            return Optional.empty();
        }
    }

    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }
        };
    }
}
