package org.fangpin.platform.actor;

import java.util.Optional;

/** The roles a token may carry (claim {@code roles}), plus {@link #SYSTEM} for a service acting on an event. */
public enum Role {
    /** 村两委, 驻村工作队, 网格员, 信息员 */
    VILLAGE_OFFICER,
    /** 乡镇审核人员 */
    TOWNSHIP_REVIEWER,
    /** 县乡村振兴局 / 攻坚办 */
    COUNTY_APPROVER,
    /** 行业部门 */
    DEPARTMENT_OFFICER,
    /** 督查 — read only */
    SUPERVISOR,
    /** 考核评估 / 纪检 — read only */
    INSPECTOR,
    ADMIN,
    /** A service reacting to another service's event; never carried by a token. */
    SYSTEM;

    /** The role a token's {@code roles} claim names; {@link #SYSTEM} and unknown names are not token roles. */
    public static Optional<Role> fromClaim(String name) {
        for (Role role : values()) {
            if (role != SYSTEM && role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public boolean isReadOnly() {
        return this == SUPERVISOR || this == INSPECTOR;
    }

    /** Those who verify and decide on households need residents' ID numbers in full; the others see them masked. */
    public boolean seesIdNumbers() {
        return this == VILLAGE_OFFICER || this == TOWNSHIP_REVIEWER || this == COUNTY_APPROVER;
    }
}
