package org.fangpin.timeline.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.fangpin.timeline.query.StoredEvents;

/** How an entry's two dates are shown: the day its step happened, and when it was recorded where that differs. */
final class BusinessDay {

    private BusinessDay() {
    }

    /** The day the step happened; the day it was recorded (county time) when its event carries none. */
    static LocalDate of(LocalDate happenedOn, OffsetDateTime recorded) {
        return happenedOn != null ? happenedOn : StoredEvents.day(recorded);
    }

    /** 发生于 2024-03-20，录入于 2024-12-07; {@code null} when the step was recorded on the day it happened. */
    static String bothWhereTheyDiffer(LocalDate happenedOn, OffsetDateTime recorded) {
        LocalDate recordedOn = StoredEvents.day(recorded);
        return happenedOn.equals(recordedOn) ? null : "发生于 " + happenedOn + "，录入于 " + recordedOn;
    }
}
