package org.fangpin.identification.web;

import org.springframework.dao.DuplicateKeyException;

import org.fangpin.platform.web.RuleViolation;

/**
 * The registry's last line against the same person registered twice at once: both requests passed the check, the
 * unique index of current members refuses the second in its command's transaction, and nothing of it is stored.
 */
final class Registry {

    private Registry() {
    }

    static void send(Runnable command) {
        try {
            command.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw RuleViolation.conflict("IDENT_PERSON_REGISTERED_MEANWHILE");
                }
            }
            throw e;
        }
    }
}
