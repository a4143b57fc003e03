package org.fangpin.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body the gateway passes on (OWASP API4), as the services limit them: {@code maxRequestBody}
 * for every path (held in memory and digested for the signature), larger limits for the paths that take files
 * (streamed on unread, announced with their length).
 */
@ConfigurationProperties("fangpin.gateway.request-bodies")
record RequestBodies(DataSize maxSize, List<Streamed> streamed) {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    RequestBodies {
        maxSize = maxSize == null ? DataSize.ofMegabytes(2) : maxSize;
        streamed = streamed == null ? List.of() : List.copyOf(streamed);
    }

    /** @param path an Ant pattern of request paths, e.g. {@code /api/department-data/batches} */
    record Streamed(String path, DataSize maxSize) {
    }

    /** The streamed path the request goes to, if any. */
    Streamed streamedAt(String path) {
        return streamed.stream().filter(body -> PATHS.match(body.path(), path)).findFirst().orElse(null);
    }
}
