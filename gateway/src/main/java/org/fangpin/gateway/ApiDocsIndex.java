package org.fangpin.gateway;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The index of the services' OpenAPI documents, each proxied at {@code /v3/api-docs/<service>} (see the
 * {@code api-docs-*} routes). The shape is Swagger UI's {@code configUrl} format, so a Swagger UI pointed at it
 * lists every service.
 */
@RestController
class ApiDocsIndex {

    private static final List<String> SERVICES = List.of("identification", "monitoring", "assistance", "timeline");

    record Document(String name, String url) {
    }

    record Index(List<Document> urls) {
    }

    @GetMapping("/v3/api-docs")
    Index index() {
        return new Index(SERVICES.stream().map(service -> new Document(service, "/v3/api-docs/" + service)).toList());
    }
}
