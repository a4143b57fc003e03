package org.fangpin.gateway;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

/**
 * Where each service's replicas are ({@code fangpin.gateway.services}: a service's addresses separated by commas,
 * from {@code FANGPIN_<SERVICE>_URL}), for the routes' {@code lb://<service>}: the balancer takes turns between them
 * and leaves out those whose readiness check fails. Behind a Kubernetes Service there is one address, which the
 * cluster balances.
 */
@ConfigurationProperties("fangpin.gateway")
record ServiceReplicas(Map<String, String> services) implements ReactiveDiscoveryClient {

    ServiceReplicas {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    @Override
    public String description() {
        return "Fangpin's services, by the addresses configured for each";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        List<String> addresses = Arrays.stream(services.getOrDefault(serviceId, "").split(","))
                .map(String::trim).filter(address -> !address.isEmpty()).toList();
        return Flux.range(0, addresses.size()).map(i -> {
            URI address = URI.create(addresses.get(i));
            return new DefaultServiceInstance(serviceId + "-" + i, serviceId, address.getHost(), address.getPort(),
                    "https".equals(address.getScheme()));
        });
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(services.keySet());
    }
}
