package org.fangpin.gateway;

import java.net.URI;
import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web console (module {@code web-console}, its built files in {@code classpath:/static/}): its assets as static
 * resources, its pages (every path outside {@code /api}, the actuator and the API docs that names no file) as its
 * {@code index.html}, and {@code /console-config.json}, which tells the browser where to sign in, so that one build
 * of the console serves every installation. The files come from the static locations
 * ({@code spring.web.resources.static-locations}), so a console being developed can be served from its build
 * directory ({@code file:web-console/target/classes/static/}).
 */
@Configuration(proxyBeanMethods = false)
class WebConsole {

    record ConsoleConfig(String issuer, String clientId) {
    }

    @Bean
    RouterFunction<ServerResponse> webConsolePages(@Value("${fangpin.console.issuer}") String issuer,
                                                   @Value("${fangpin.console.client-id}") String clientId,
                                                   WebProperties web, ResourceLoader resources) {
        ConsoleConfig config = new ConsoleConfig(issuer, clientId);
        Resource index = Arrays.stream(web.getResources().getStaticLocations())
                .map(location -> resources.getResource(location + "index.html"))
                .filter(Resource::exists).findFirst()
                .orElseThrow(() -> new IllegalStateException("no index.html of the web console in the static locations"));
        return RouterFunctions.route()
                .GET("/console-config.json", request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                        .bodyValue(config))
                .GET(consolePage(), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                        .bodyValue(index))
                .build();
    }

    /**
     * A console route such as {@code /households/…}: not the API's, the actuator's, the docs' or the circuit
     * breakers' answer, and no file.
     */
    private static RequestPredicate consolePage() {
        return RequestPredicates.path("/**").and(request -> {
            String path = request.path();
            return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/actuator")
                    && !path.equals(CircuitBreakerFallback.PATH)
                    && !path.startsWith("/v3/") && !path.substring(path.lastIndexOf('/') + 1).contains(".");
        });
    }

    /**
     * Scripts, styles, images and fonts from this origin only (Ant Design writes its styles at run time, hence inline
     * styles); requests to this origin and to the issuer (discovery, token endpoint); no framing, no plugins.
     */
    static String contentSecurityPolicy(String issuer) {
        URI uri = URI.create(issuer);
        String issuerOrigin = uri.getScheme() + "://" + uri.getRawAuthority();
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self' " + issuerOrigin,
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "object-src 'none'");
    }
}
