package org.fangpin.platform.imports;

import org.springframework.http.HttpStatus;

import org.fangpin.platform.web.Problems;
import org.fangpin.platform.web.RuleViolation;

/** A row of an import file refused: its line (the header is line 1), the stable code and the reason in Chinese. */
public record ImportRefusal(int line, String code, String message) {

    public static ImportRefusal of(int line, RuleViolation violation, Problems problems) {
        return new ImportRefusal(line, violation.code(), problems.problem(HttpStatus.UNPROCESSABLE_ENTITY,
                violation.code(), Problems.CHINESE, violation.args()).getDetail());
    }
}
