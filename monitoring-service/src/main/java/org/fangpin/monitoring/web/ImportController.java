package org.fangpin.monitoring.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.monitoring.process.MonthlyRecordImport;
import org.fangpin.platform.imports.ImportRun;
import org.fangpin.platform.imports.ImportRuns;

/** 存量导入 of the monthly records of months before go-live, by the county (docs/decisions/0035). */
@RestController
@Validated
@RequestMapping("/api/monitoring/imports")
@Tag(name = "存量导入", description = "Taking in the county's existing records at go-live, from CSV files")
class ImportController {

    private final MonthlyRecordImport imports;
    private final ImportRuns runs;

    ImportController(MonthlyRecordImport imports, ImportRuns runs) {
        this.imports = imports;
        this.runs = runs;
    }

    @PostMapping(consumes = {"text/csv", "application/octet-stream"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('COUNTY_APPROVER', 'ADMIN')")
    @Operation(summary = "存量导入 — monthly records of months before go-live",
            description = "Accepted as a batch (202 with its Location; GET it for progress and the report). "
                    + "A CSV file in the layout of the README (UTF-8 or GBK), one month of a household a row, the "
                    + "household named by its head's ID number. Each row is recorded as a live monthly record with "
                    + "its month and visit day, warnings judged by the same rules. A household's rows are recorded "
                    + "together or not at all; refused rows are listed with their line and the reason in Chinese. "
                    + "A month recorded already is left unchanged. A household not monitored yet (its "
                    + "identification still on its way) is refused with IMPORT_NOT_MONITORED_YET: import the file "
                    + "again later.")
    ResponseEntity<ImportRun> importRecords(@RequestParam @NotBlank @Size(max = 200) String fileName,
                                            @RequestBody byte[] content) {
        return runs.accept(imports, fileName, content);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('COUNTY_APPROVER', 'ADMIN')")
    @Operation(summary = "存量导入批次 — the progress of an import, and its report when done",
            description = "State, rows of the file counted so far (total, validated, written, refused) and, "
                    + "when DONE, the report the import gives; REFUSED or FAILED with the reason in Chinese.")
    ImportRun importRun(@PathVariable UUID id) {
        return runs.require(id);
    }
}
