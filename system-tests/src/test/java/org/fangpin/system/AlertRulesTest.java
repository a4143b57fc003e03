package org.fangpin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The alert rules operators load ({@code deploy/grafana/fangpin-alerts.yml}) as Prometheus's own {@code promtool}
 * reads them (Debian's {@code prometheus} package, installed by {@code .ci/run}): they parse, and the alerts on dead
 * letters, failing deliveries, publisher lag and a route's p99 fire on the metrics the services and the gateway
 * export, when they should and not before.
 */
class AlertRulesTest {

    private static final Path RULES = Path.of(System.getProperty("fangpin.root", "..")).resolve("deploy/grafana");

    @Test
    void theRulesAreValidPrometheusRules() throws Exception {
        assertThat(promtool("check", "rules", "fangpin-alerts.yml")).contains("SUCCESS: 9 rules found");
    }

    @Test
    void theAlertsFireOnTheMetricsTheServicesAndTheGatewayExport() throws Exception {
        assertThat(promtool("test", "rules", "fangpin-alerts-test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "promtool";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process promtool = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
        return output;
    }
}
