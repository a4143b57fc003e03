package org.fangpin.identification.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.fangpin.platform.web.RuleViolation;

/** A refusal that names the procedure's stages names them in the language the user reads. */
class StageNamesTest {

    @Test
    void aStepOutOfOrderNamesTheStagesInTheLanguageAsked() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        RuleViolation outOfOrder = catchThrowableOfType(RuleViolation.class,
                () -> new Rules.StepOrder(CaseStage.VERIFIED, CaseStage.TOWNSHIP_APPROVED).verify());

        String inEnglish = messages.getMessage("problem." + outOfOrder.code(), outOfOrder.args(), Locale.ENGLISH);
        String inChinese = messages.getMessage("problem." + outOfOrder.code(), outOfOrder.args(),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(inEnglish).isEqualTo("The case is at step \"verified, awaiting village evaluation\"; this step is "
                + "taken at step \"approved by the township, awaiting county decision\".");
        assertThat(inChinese).isEqualTo("识别程序当前处于“已入户核实，待村级评议”环节，本操作需在“乡镇审核通过，待县级审定”环节办理。");
    }
}
