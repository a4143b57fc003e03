package org.fangpin.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A service with nothing but the platform and one write that counts its effects, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

    @RestController
    public static class Registrations {

        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final JdbcClient jdbc;

        public Registrations(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }
        private final AtomicInteger sequence = new AtomicInteger();

        @PostMapping("/registrations")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> register(@RequestBody Map<String, String> body) {
            counts.computeIfAbsent(body.get("name"), name -> new AtomicInteger()).incrementAndGet();
            return Map.of("registration", sequence.incrementAndGet());
        }

        /** A county approver's decision with a validated body: who may call it is judged before the body. */
        @PostMapping("/decisions")
        @PreAuthorize("hasRole('COUNTY_APPROVER')")
        Map<String, Object> decide(@Valid @RequestBody Decision decision) {
            counts.computeIfAbsent(decision.opinion(), opinion -> new AtomicInteger()).incrementAndGet();
            return Map.of("decided", true);
        }

        /** When something was recorded, as every response gives a time. */
        @GetMapping("/recorded")
        Map<String, Object> recorded() {
            return Map.of("recordedAt", Instant.parse("2026-03-05T01:30:00Z"),
                    "decidedAt", OffsetDateTime.parse("2026-03-05T01:30:00Z"));
        }

        /** A write kept in the service's database (here: a note in its inbox table). */
        @PostMapping("/notes")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> note(@RequestBody Map<String, String> body) {
            jdbc.sql("INSERT INTO processed_event (consumer, event_id) VALUES ('notes', :id)")
                    .param("id", body.get("id")).update();
            return Map.of("noted", body.get("id"));
        }

        /** A path that takes files, with a larger body limit than the rest. */
        @PostMapping("/uploads")
        Map<String, Object> upload(@RequestBody byte[] file) {
            return Map.of("bytes", file.length);
        }

        public int count(String name) {
            AtomicInteger count = counts.get(name);
            return count == null ? 0 : count.get();
        }
    }

    record Decision(@NotBlank String opinion) {
    }

    /** A long answer written as it is produced, as the CSV exports are; counts the readers who left before its end. */
    @RestController
    public static class Exports {

        private final AtomicInteger abandoned = new AtomicInteger();

        @GetMapping("/exports")
        void export(HttpServletResponse response) throws IOException, InterruptedException {
            response.setContentType("text/csv;charset=UTF-8");
            byte[] rows = "户主,村\n".repeat(1_000).getBytes(StandardCharsets.UTF_8);
            try {
                for (int i = 0; i < 2_000; i++) {
                    response.getOutputStream().write(rows);
                    response.flushBuffer();
                    Thread.sleep(5);
                }
            } catch (IOException readerLeft) {
                abandoned.incrementAndGet();
                throw readerLeft;
            }
        }

        public int abandoned() {
            return abandoned.get();
        }
    }

    /** A list with constrained paging parameters, validated as a {@code @Validated} controller's are. */
    @RestController
    @Validated
    public static class Pages {

        @GetMapping("/pages")
        Map<String, Object> page(@RequestParam @Min(1) @Max(500) int limit, @RequestParam String village) {
            return Map.of("limit", limit, "village", village);
        }
    }
}
