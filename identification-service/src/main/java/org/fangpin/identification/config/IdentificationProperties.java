package org.fangpin.identification.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.fangpin.contracts.identification.PolicyThresholds;
import org.fangpin.contracts.value.ObjectType;

/**
 * What an operator of identification-service may change (prefix {@code fangpin.identification}); documented in the
 * module's README.
 *
 * @param overdueCheckInterval how often open cases are checked against their due dates
 * @param policyBaseline       the policy recorded as events at the first start, when no policy exists yet
 * @param objectModels         the monitoring-object types each region prefix offers its county decision; the most
 *                             specific prefix wins, and a region no entry covers is offered every type
 */
@ConfigurationProperties("fangpin.identification")
public record IdentificationProperties(Duration overdueCheckInterval, List<BaselinePolicy> policyBaseline,
                                       List<ObjectModel> objectModels) {

    public IdentificationProperties {
        overdueCheckInterval = overdueCheckInterval == null ? Duration.ofMinutes(15) : overdueCheckInterval;
        policyBaseline = policyBaseline == null ? List.of() : policyBaseline;
        objectModels = objectModels == null ? List.of() : objectModels;
    }

    /** @param regionPrefix {@code ""} for the national baseline */
    public record BaselinePolicy(String regionPrefix, int year, PolicyThresholds thresholds, String reason) {

        public BaselinePolicy {
            regionPrefix = regionPrefix == null ? "" : regionPrefix;
        }
    }

    /** @param name the model's name as the county calls it, e.g. 防止返贫监测 or 低收入人口常态化帮扶 */
    public record ObjectModel(String regionPrefix, String name, List<ObjectType> objectTypes) {
    }
}
