package org.fangpin.platform.security;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.web.Problems;

/**
 * Who may call an endpoint is decided before its body is read or validated: a read-only role's write is refused with
 * 403 {@code READ_ONLY_ROLE}, and a role the endpoint's {@code @PreAuthorize} does not admit with 403
 * {@code FORBIDDEN} — so a refused user learns nothing about what a valid body would be, and no body of theirs is
 * parsed, kept for an Idempotency-Key or logged. The method security behind it still applies.
 */
public class AuthorizationBeforeBinding extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RequestMappingHandlerMapping handlers;
    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
    private final Problems problems;
    private final ObjectMapper json;

    public AuthorizationBeforeBinding(RequestMappingHandlerMapping handlers, Problems problems, ObjectMapper json) {
        this.handlers = handlers;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = RequestContext.actor().orElse(null);
        if (actor != null) {
            if (WRITES.contains(request.getMethod()) && actor.role().isReadOnly()) {
                problems.write(request, response, json, HttpStatus.FORBIDDEN, "READ_ONLY_ROLE", actor.role());
                return;
            }
            HandlerMethod handler = handler(request);
            if (handler != null && !admitted(handler)) {
                problems.write(request, response, json, HttpStatus.FORBIDDEN, "FORBIDDEN");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean admitted(HandlerMethod handler) {
        AuthorizationResult result = preAuthorize.authorize(SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(handler.getBean(), handler.getMethod(),
                        new Object[handler.getMethod().getParameterCount()]));
        return result == null || result.isGranted();
    }

    /** The controller method the request is mapped to, as the dispatcher will find it; null when there is none. */
    private HandlerMethod handler(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            HandlerExecutionChain chain = handlers.getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method ? method : null;
        } catch (Exception unmapped) {
            // no handler, wrong method or media type: the dispatcher answers that itself
            return null;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
