package org.fangpin.contracts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** The {@link PersonalData} of published events: which carry it, and the events without it. */
public final class PersonalDataFields {

    private PersonalDataFields() {
    }

    /** Whether the event has a component marked as personal data. */
    public static boolean carriedBy(Class<? extends PublishedEvent> eventClass) {
        return eventClass.isRecord() && Arrays.stream(eventClass.getRecordComponents())
                .anyMatch(component -> component.isAnnotationPresent(PersonalData.class));
    }

    /** The event with every component marked as personal data left empty; the event itself when it has none. */
    @SuppressWarnings("unchecked")
    public static <E extends PublishedEvent> E withheld(E event) {
        Class<E> type = (Class<E>) event.getClass();
        if (!carriedBy(type)) {
            return event;
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].isAnnotationPresent(PersonalData.class) ? null
                        : components[i].getAccessor().invoke(event);
            }
            Constructor<E> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            throw new IllegalStateException("cannot withhold the personal data of " + type.getSimpleName(), cause);
        }
    }
}
