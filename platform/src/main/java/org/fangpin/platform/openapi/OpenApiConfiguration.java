package org.fangpin.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every service's OpenAPI document says beyond its controllers: it is called through the gateway with a bearer
 * token, and its refusals are problem+json. The title and description of each document are the service's
 * ({@code springdoc.open-api.info} in its application.yml), the contact the platform's.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String BEARER = "bearerAuth";
    /** The tag of every service's operator commands (platform's and a service's own). */
    public static final String OPERATIONS_TAG = "运维";
    public static final String OPERATIONS_TAG_DESCRIPTION = "Operator commands of this service and their record: "
            + "admin actions, events parked on dead-letter topics and their replay";

    @Bean
    OpenAPI fangpinOpenApi() {
        return new OpenAPI()
                // Relative: the gateway the document was read from. The services refuse calls that bypass it.
                .servers(List.of(new Server().url("/")
                        .description("The gateway that served this document; every call goes through it")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the county's identity provider (OIDC), carrying the "
                                + "user's role and region: the user acts only within that region.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }
}
