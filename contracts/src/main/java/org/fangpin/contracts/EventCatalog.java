package org.fangpin.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangpin.contracts.assistance.AssistanceCaseOpened;
import org.fangpin.contracts.identification.HouseholdIdentified;
import org.fangpin.contracts.identification.HouseholdRegistered;
import org.fangpin.contracts.identification.HouseholdVerified;
import org.fangpin.contracts.identification.LeadReported;
import org.fangpin.contracts.monitoring.MonitoringStarted;

/**
 * The published events and their CloudEvents type names ({@code fangpin.<service>.<Event>.v<version>}).
 * <p>
 * A change that breaks readers adds a new record and a new version here; an existing entry is never edited.
 */
public final class EventCatalog {

    /** One published event: the record, the service that publishes it and its contract version. */
    public record Entry(Class<? extends HouseholdEvent> eventClass, String service, int version) {

        public String type() {
            return "fangpin." + service + "." + eventClass.getSimpleName() + ".v" + version;
        }

        public String topic() {
            return "fangpin." + service + ".v1";
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(HouseholdRegistered.class, "identification", 1),
            new Entry(LeadReported.class, "identification", 1),
            new Entry(HouseholdVerified.class, "identification", 1),
            new Entry(HouseholdIdentified.class, "identification", 1),
            new Entry(MonitoringStarted.class, "monitoring", 1),
            new Entry(AssistanceCaseOpened.class, "assistance", 1));

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

    public static Optional<Entry> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
