package org.fangpin.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A service with nothing but the platform and one write that counts its effects, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

    @RestController
    public static class Registrations {

        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final AtomicInteger sequence = new AtomicInteger();

        @PostMapping("/registrations")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> register(@RequestBody Map<String, String> body) {
            counts.computeIfAbsent(body.get("name"), name -> new AtomicInteger()).incrementAndGet();
            return Map.of("registration", sequence.incrementAndGet());
        }

        public int count(String name) {
            AtomicInteger count = counts.get(name);
            return count == null ? 0 : count.get();
        }
    }
}
