package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.fangpin.testsupport.Infrastructure;
import org.fangpin.testsupport.RealInfrastructureExtension;

/**
 * The web console in a real browser against the real system: every service and the gateway as processes, Keycloak
 * with one user per role, Debian's Chromium driven by Playwright ({@code web-console/e2e}). Each role signs in at
 * Keycloak and does its work; the suite's report, screenshots and figures land in {@code target/console-e2e/}.
 */
@ExtendWith(RealInfrastructureExtension.class)
class WebConsoleBrowserIT {

    private static final long SUITE_TIMEOUT_MINUTES = 15;
    private static final Map<String, String> USERS = new LinkedHashMap<>();
    private static final Map<String, String> REGIONS = Map.of("VILLAGE_OFFICER", "150724213201",
            "TOWNSHIP_REVIEWER", "150724213");

    static {
        for (String role : new String[] {"VILLAGE_OFFICER", "TOWNSHIP_REVIEWER", "COUNTY_APPROVER",
                "DEPARTMENT_OFFICER", "SUPERVISOR", "INSPECTOR", "ADMIN"}) {
            USERS.put(role, "console-" + role.toLowerCase().replace('_', '-'));
        }
    }

    private static Keycloak keycloak;
    private static RunningSystem system;

    @BeforeAll
    static void startTheSystemWithKeycloak(Infrastructure infrastructure) {
        keycloak = Keycloak.start(RunningSystem.logsRoot().resolve("web-console"));
        system = RunningSystem.start(infrastructure, keycloak.issuer(), keycloak.jwksUri(), "web-console");
        keycloak.awaitReady();
        system.awaitHealthy();
        keycloak.allowConsoleAt(system.gateway().baseUrl());
        USERS.forEach((role, username) -> keycloak.createUser(username, "演示" + roleName(role), role,
                REGIONS.getOrDefault(role, "150724"), "DEPARTMENT_OFFICER".equals(role) ? "MEDICAL_INSURANCE" : null));
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void everyRoleDoesItsWorkInTheBrowser() throws IOException, InterruptedException {
        Path console = Path.of(System.getProperty("fangpin.console.dir", "../web-console")).toAbsolutePath();
        Path output = Path.of(System.getProperty("fangpin.console.e2e-output", "target/console-e2e")).toAbsolutePath();
        Files.createDirectories(output);
        Path log = output.resolve("playwright.log");
        ProcessBuilder playwright = new ProcessBuilder("npx", "--no-install", "playwright", "test")
                .directory(console.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        playwright.environment().putAll(Map.of(
                "CONSOLE_URL", system.gateway().baseUrl(),
                "CONSOLE_USERS", new ObjectMapper().writeValueAsString(USERS),
                "CONSOLE_PASSWORD", Keycloak.PASSWORD,
                "CONSOLE_OUTPUT", output.toString(),
                "CI", "true"));
        Process suite = playwright.start();
        boolean finished = suite.waitFor(SUITE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            suite.descendants().forEach(ProcessHandle::destroy);
            suite.destroy();
        }
        String report = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(finished).as("the browser suite finished within %d minutes", SUITE_TIMEOUT_MINUTES).isTrue();
        assertThat(suite.exitValue()).as("the browser suite's exit code; its log:\n%s", report).isZero();
    }

    private static String roleName(String role) {
        return switch (role) {
            case "VILLAGE_OFFICER" -> "村信息员";
            case "TOWNSHIP_REVIEWER" -> "乡镇审核员";
            case "COUNTY_APPROVER" -> "县审定员";
            case "DEPARTMENT_OFFICER" -> "医保局";
            case "SUPERVISOR" -> "督查员";
            case "INSPECTOR" -> "考核员";
            default -> "管理员";
        };
    }
}
