package org.fangpin.gateway;

import java.io.File;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;

/**
 * Services reached over TLS ({@code FANGPIN_<SERVICE>_URL=https://...}): the gateway trusts the certificates signed
 * by the CA in {@code FANGPIN_SERVICES_CA} (PEM) — for the routed requests and for the balancer's readiness checks
 * alike. Without it, the JVM's trusted authorities apply.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("fangpin.services-ca")
class ServicesTls {

    @Bean
    SslContext servicesTrust(@Value("${fangpin.services-ca}") File authority) throws SSLException {
        return SslContextBuilder.forClient().trustManager(authority).build();
    }

    @Bean
    HttpClientCustomizer routedRequestsTrustTheServices(SslContext servicesTrust) {
        return client -> client.secure(tls -> tls.sslContext(servicesTrust));
    }

    /** The WebClient the balancer's health checks are made with. */
    @Bean
    WebClientCustomizer readinessChecksTrustTheServices(SslContext servicesTrust) {
        return builder -> builder.clientConnector(new ReactorClientHttpConnector(
                HttpClient.create().secure(tls -> tls.sslContext(servicesTrust))));
    }
}
