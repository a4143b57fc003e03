package org.fangpin.platform.web;

/**
 * A named business rule: a small record holding the facts it judges, whose {@link #verify()} throws a
 * {@link RuleViolation} naming the rule's code when the facts break it.
 */
public interface Rule {

    void verify();
}
