package org.fangpin.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fangpin.contracts.assistance.AssistanceEvents;
import org.fangpin.contracts.identification.IdentificationEvents;
import org.fangpin.contracts.monitoring.MonitoringEvents;

/**
 * The published events and their CloudEvents type names ({@code fangpin.<service>.<Event>.v<version>}).
 * <p>
 * Each publishing service lists its events in its own package ({@code IdentificationEvents}, ...). A change that
 * breaks readers adds a new record and a new version there; an existing entry is never edited.
 */
public final class EventCatalog {

    /** One published event: the record, the service that publishes it and its contract version. */
    public record Entry(Class<? extends PublishedEvent> eventClass, String service, int version) {

        public String type() {
            return "fangpin." + service + "." + eventClass.getSimpleName() + ".v" + version;
        }

        public String topic() {
            return "fangpin." + service + ".v1";
        }
    }

    private static final List<Entry> ENTRIES = Stream.of(IdentificationEvents.PUBLISHED,
            MonitoringEvents.PUBLISHED, AssistanceEvents.PUBLISHED).flatMap(List::stream).toList();

    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::eventClass, Function.identity()));
    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));

    private EventCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> forClass(Class<?> eventClass) {
        return Optional.ofNullable(BY_CLASS.get(eventClass));
    }

    /**
     * The personal topic of a service whose events carry {@link PersonalData}: every event of the service, in full and
     * in the same order as on its public topic, for the consumers allowed to read it.
     */
    public static Optional<String> personalTopic(String service) {
        return ENTRIES.stream().filter(entry -> entry.service().equals(service))
                .anyMatch(entry -> PersonalDataFields.carriedBy(entry.eventClass()))
                ? Optional.of("fangpin." + service + ".personal.v1") : Optional.empty();
    }

    /** Every topic the services publish to: the public topics and the personal ones. */
    public static List<String> topics() {
        return Stream.concat(ENTRIES.stream().map(Entry::topic),
                        ENTRIES.stream().map(Entry::service).distinct().map(EventCatalog::personalTopic)
                                .flatMap(Optional::stream))
                .distinct().toList();
    }

    public static Optional<Entry> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
