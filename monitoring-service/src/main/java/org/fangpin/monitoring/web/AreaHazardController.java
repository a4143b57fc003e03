package org.fangpin.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.AreaHazardType;
import org.fangpin.monitoring.process.AreaHazards;
import org.fangpin.monitoring.process.AreaHazards.Declared;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.security.Jurisdiction;

/** 区域性风险: a township or the county declares a hazard for villages of its own. */
@RestController
@RequestMapping("/api/monitoring/area-hazards")
@Tag(name = "区域性风险", description = "Hazards a township or the county declares for villages")
class AreaHazardController {

    private final AreaHazards hazards;
    private final Clock clock;

    AreaHazardController(AreaHazards hazards, Clock clock) {
        this.hazards = hazards;
        this.clock = clock;
    }

    record DeclareRequest(@NotNull AreaHazardType hazardType,
                          @NotEmpty @Size(max = 1000) List<@Pattern(regexp = "\\d{12}") String> villages,
                          @NotBlank @Size(max = 500) String description,
                          @PastOrPresent LocalDate declaredOn) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('TOWNSHIP_REVIEWER', 'COUNTY_APPROVER')")
    @Operation(summary = "区域性风险 — declare a hazard for villages",
            description = "A township reviewer or county approver declares a hazard of a type for villages within "
                    + "their region, with a description and the day (declaredOn, default today, not in the "
                    + "future) (201). Every household monitored in those villages is then asked for an "
                    + "immediate visit.")
    Declared declare(@Valid @RequestBody DeclareRequest request) {
        List<String> villages = request.villages().stream().distinct().sorted().toList();
        villages.forEach(Jurisdiction::requireWritableWithin);
        return hazards.declare(RequestContext.requireActor().region(), villages, request.hazardType(),
                request.description(), request.declaredOn() == null ? LocalDate.now(clock) : request.declaredOn());
    }
}
