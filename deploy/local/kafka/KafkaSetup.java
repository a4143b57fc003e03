import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Makes the local broker ready for the services in one JVM, through Kafka's Admin API: waits until it answers, creates
 * the topics that are missing (kept forever), sets each service principal's SCRAM credential and adds the ACLs of
 * deploy/kafka/acls.tsv. Every step is idempotent. Run by up.sh with the broker's classpath (source-file mode):
 * <pre>java -cp CLASSPATH KafkaSetup.java BOOTSTRAP ADMIN_PROPERTIES PASSWORDS ACLS PARTITIONS TOPIC...</pre>
 */
public class KafkaSetup {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final int SCRAM_ITERATIONS = 4096;

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        try (Reader admin = Files.newBufferedReader(Path.of(args[1]))) {
            config.load(admin);
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        Properties passwords = new Properties();
        try (Reader file = Files.newBufferedReader(Path.of(args[2]))) {
            passwords.load(file);
        }
        List<AclBinding> acls = acls(Path.of(args[3]));
        int partitions = Integer.parseInt(args[4]);
        List<String> topics = Arrays.asList(args).subList(5, args.length);

        try (Admin admin = Admin.create(config)) {
            Set<String> existing = awaitTopics(admin);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1")))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            topics.forEach(topic -> log(existing.contains(topic) ? "topic " + topic + " exists"
                    : "topic " + topic + " created (" + partitions + " partitions, kept forever)"));

            List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
            for (String user : passwords.stringPropertyNames()) {
                if (!user.equals("admin")) {  // the administrator's own is set when the storage is formatted
                    credentials.add(new UserScramCredentialUpsertion(user,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                            passwords.getProperty(user)));
                }
            }
            admin.alterUserScramCredentials(List.copyOf(credentials)).all().get();
            log("SCRAM credentials of " + credentials.size() + " service principals set");

            admin.createAcls(acls).all().get();
            log(acls.size() + " ACLs of deploy/kafka/acls.tsv in place");
        }
    }

    /** The broker's topics, once it answers its administrator; a broker still starting is asked again. */
    private static Set<String> awaitTopics(Admin admin) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            try {
                return admin.listTopics().names().get();
            } catch (ExecutionException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the broker did not answer within " + READY_WITHIN, notYet);
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Columns: principal, operation, resource type, pattern type, resource name; # starts a comment. */
    private static List<AclBinding> acls(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(column -> new AclBinding(
                        new ResourcePattern(ResourceType.valueOf(column[2]), column[4], PatternType.valueOf(column[3])),
                        new AccessControlEntry("User:" + column[0], "*", AclOperation.valueOf(column[1]),
                                AclPermissionType.ALLOW)))
                .toList();
    }

    private static void log(String line) {
        System.out.println("[fangpin] Kafka: " + line);
    }
}
