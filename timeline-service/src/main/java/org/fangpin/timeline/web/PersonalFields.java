package org.fangpin.timeline.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.fangpin.contracts.EventCatalog;
import org.fangpin.contracts.PersonalData;
import org.fangpin.contracts.value.IdNumber;
import org.fangpin.platform.security.Jurisdiction;

/**
 * An event's data as the current reader may see it: in full for the roles that see residents' ID numbers, and for
 * the others with every {@link PersonalData} field left empty but an ID number, which is masked as everywhere else
 * ({@code 150724***********X}). Of an event type this reader does not know every field counts as personal, since
 * which ones are cannot be told.
 */
final class PersonalFields {

    private PersonalFields() {
    }

    /** @param masked the fields masked or left empty, in the order of the data */
    record Shown(JsonNode data, List<String> masked) {
    }

    static Shown shown(String eventType, ObjectNode data) {
        if (Jurisdiction.seesIdNumbers()) {
            return new Shown(data, List.of());
        }
        Set<String> personal = personal(eventType, data);
        List<String> masked = new ArrayList<>();
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (personal.contains(name) && !data.get(name).isNull()) {
                masked.add(name);
            }
        }
        masked.forEach(name -> data.set(name, IdNumber.isValid(data.get(name).asText())
                ? TextNode.valueOf(IdNumber.mask(data.get(name).asText())) : NullNode.getInstance()));
        return new Shown(data, masked);
    }

    private static Set<String> personal(String eventType, ObjectNode data) {
        return EventCatalog.forType(eventType)
                .map(entry -> Arrays.stream(entry.eventClass().getRecordComponents())
                        .filter(component -> component.isAnnotationPresent(PersonalData.class))
                        .map(RecordComponent::getName)
                        .collect(Collectors.toSet()))
                .orElseGet(() -> {
                    Set<String> all = new HashSet<>();
                    data.fieldNames().forEachRemaining(all::add);
                    return all;
                });
    }
}
