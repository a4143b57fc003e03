package org.fangpin.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The single entry of Fangpin: every {@code /api} request passes here with a valid token or not at all. */
@SpringBootApplication
@EnableConfigurationProperties({RequestBodies.class, ServiceReplicas.class, RateLimits.class})
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
