package org.fangpin.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a published event that identifies a person or tells of their health (个人信息): published only on the
 * publishing service's personal topic ({@link EventCatalog#personalTopic}), read by the consumers that need it and
 * are allowed to; its public topic carries the event without it, which is all that consumers of a household id and
 * region receive ({@link PersonalDataFields#withheld}). Only reference-typed components may be marked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {
}
