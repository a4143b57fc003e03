package org.fangpin.timeline.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.fangpin.contracts.Topics;
import org.fangpin.timeline.process.TimelineVersions.State;
import org.fangpin.timeline.process.TimelineVersions.Version;

/**
 * Runs, on this replica, the recorders of every version of the timeline being recorded (the live one, and the one a
 * rebuild builds beside it), each version with its own consumer group, and stops those of a version replaced. Every
 * replica looks at the versions every second, so all of them follow a rebuild started on any of them: the versions'
 * consumer groups share each version's partitions among the replicas.
 */
@Component
public class TimelineRecorders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimelineRecorders.class);
    static final String[] TOPICS = {Topics.IDENTIFICATION_PERSONAL, Topics.MONITORING, Topics.ASSISTANCE};

    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> containers;
    private final TimelineVersions versions;
    private final TimelineRecorder recorder;
    private final int concurrency;
    private final Map<Integer, Recorder> running = new HashMap<>();
    private boolean started;

    @SuppressWarnings("unchecked")
    TimelineRecorders(ConcurrentKafkaListenerContainerFactory<?, ?> containers, TimelineVersions versions,
                      TimelineRecorder recorder, @Value("${fangpin.timeline.recorders}") int concurrency) {
        this.containers = (ConcurrentKafkaListenerContainerFactory<String, byte[]>) containers;
        this.versions = versions;
        this.recorder = recorder;
        this.concurrency = concurrency;
    }

    /** One version's recorders on this replica. */
    public final class Recorder {

        private final Version version;
        private final ConcurrentMessageListenerContainer<String, byte[]> container;
        private volatile boolean live;
        private volatile boolean keepsStatuses;

        private Recorder(Version version) {
            this.version = version;
            this.container = containers.createContainer(TOPICS);
            container.getContainerProperties().setGroupId(version.group());
            Properties consumer = new Properties();
            consumer.put("max.poll.records", "2000");
            consumer.put("max.partition.fetch.bytes", "4194304");
            consumer.put("partition.assignment.strategy", "org.apache.kafka.clients.consumer.RangeAssignor");
            container.getContainerProperties().setKafkaConsumerProperties(consumer);
            container.setConcurrency(concurrency);
            container.setBeanName(version.group());
            container.setupMessageListener((BatchMessageListener<String, byte[]>) this::on);
            update(version.state());
        }

        private void on(List<ConsumerRecord<String, byte[]>> records) {
            recorder.on(this, records);
        }

        private void update(State state) {
            live = state == State.LIVE;
            if (state != State.BUILDING) {
                keepsStatuses = true;
            }
        }

        public Version version() {
            return version;
        }

        boolean live() {
            return live;
        }

        boolean keepsStatuses() {
            return keepsStatuses;
        }

        void keepStatuses() {
            keepsStatuses = true;
        }

        public MessageListenerContainer container() {
            return container;
        }
    }

    /** The live version's recorders on this replica (tests stop and start them). */
    public synchronized Recorder live() {
        return running.values().stream().filter(Recorder::live).findFirst()
                .orElseThrow(() -> new IllegalStateException("no live version recorded here"));
    }

    /** Starts the recorders of the versions being recorded, and stops those of versions replaced. */
    @Scheduled(fixedDelay = 1000)
    public synchronized void follow() {
        if (!started) {
            return;
        }
        Map<Integer, Version> recorded = new HashMap<>();
        versions.current().stream().filter(version -> version.state().recorded())
                .forEach(version -> recorded.put(version.number(), version));
        running.entrySet().removeIf(entry -> {
            if (recorded.containsKey(entry.getKey())) {
                return false;
            }
            log.info("timeline version {} replaced: stopping its recorders", entry.getKey());
            entry.getValue().container.stop();
            return true;
        });
        recorded.forEach((number, version) -> {
            Recorder running = this.running.get(number);
            if (running == null) {
                log.info("recording timeline version {} ({}) in consumer group {}", number, version.state(),
                        version.group());
                Recorder started = new Recorder(version);
                this.running.put(number, started);
                started.container.start();
            } else {
                running.update(version.state());
            }
        });
    }

    @Override
    public synchronized void start() {
        started = true;
        follow();
    }

    @Override
    public synchronized void stop() {
        started = false;
        running.values().forEach(running -> running.container.stop());
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return started;
    }
}
