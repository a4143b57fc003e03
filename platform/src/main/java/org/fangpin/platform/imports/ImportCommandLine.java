package org.fangpin.platform.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.web.RuleViolation;

/**
 * 存量导入 from the command line, for a go-live file too large to send through the gateway at once: the service
 * starts with {@code --fangpin.import.file=...}, runs its {@link FileImport} as the county approver named by
 * {@code --fangpin.import.importer} within {@code --fangpin.import.region}, prints a progress line every
 * {@value #PROGRESS_SECONDS} seconds while it runs, then the report as JSON, and stops (exit 0, or 2 when the file
 * itself is refused). Its events reach Kafka from the running service's publisher.
 */
public class ImportCommandLine implements ApplicationRunner {

    static final int PROGRESS_SECONDS = 5;

    private final FileImport imports;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    public ImportCommandLine(FileImport imports, Environment environment, ConfigurableApplicationContext context) {
        this.imports = imports;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path file = Path.of(environment.getRequiredProperty("fangpin.import.file"));
        String importer = environment.getRequiredProperty("fangpin.import.importer");
        String region = environment.getRequiredProperty("fangpin.import.region");
        Actor actor = new Actor("cli:" + importer, importer, Role.COUNTY_APPROVER, region);
        String fileName = file.getFileName().toString();
        ImportProgress progress = new ImportProgress();
        ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor();
        printer.scheduleAtFixedRate(() -> System.out.println(line(fileName, progress.counts())), PROGRESS_SECONDS,
                PROGRESS_SECONDS, TimeUnit.SECONDS);
        int exit;
        try {
            Object report = RequestContext.runAs(actor, "import-" + UUID.randomUUID(),
                    () -> imports.importFile(fileName, read(file), progress));
            System.out.println(line(fileName, progress.counts()));
            System.out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            exit = 0;
        } catch (RuleViolation refused) {
            System.err.println("file refused: " + refused.code() + " " + refused.getMessage());
            exit = 2;
        } finally {
            printer.shutdownNow();
        }
        int code = exit;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** A progress line: rows validated, then written, of the file's rows. */
    static String line(String fileName, ImportProgress.Counts counts) {
        return counts.writing()
                ? String.format("%s: %,d of %,d rows written, %,d refused", fileName, counts.written(),
                counts.total(), counts.refused())
                : String.format("%s: %,d of %,d rows validated", fileName, counts.validated(), counts.total());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file, e);
        }
    }
}
