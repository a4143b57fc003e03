package org.fangpin.monitoring.command;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.fangpin.contracts.value.WarningLevel;

/**
 * What a warning rule found: the level it calls for, the rule's name, what it observed, the threshold it judged by
 * and the reason in words a village cadre reads.
 */
public record Finding(WarningLevel level, String rule, BigDecimal observedValue, BigDecimal threshold,
                      String reason) {

    /** The finding that decides the household's level: the most urgent; among equals, the first found. */
    static Optional<Finding> decisive(Collection<Finding> findings) {
        return findings.stream().min(Comparator.comparing(Finding::level));
    }
}
