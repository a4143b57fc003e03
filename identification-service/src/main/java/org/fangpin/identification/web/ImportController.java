package org.fangpin.identification.web;

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

import org.fangpin.identification.process.HouseholdImport;
import org.fangpin.platform.imports.ImportRun;
import org.fangpin.platform.imports.ImportRuns;

/** 存量导入: the county's existing register, taken in from a CSV file (docs/decisions/0035, README "Go-live"). */
@RestController
@Validated
@RequestMapping("/api/households/imports")
@Tag(name = "存量导入", description = "Taking in the county's existing records at go-live, from CSV files")
class ImportController {

    private final HouseholdImport imports;
    private final ImportRuns runs;

    ImportController(HouseholdImport imports, ImportRuns runs) {
        this.imports = imports;
        this.runs = runs;
    }

    @PostMapping(consumes = {"text/csv", "application/octet-stream"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('COUNTY_APPROVER', 'ADMIN')")
    @Operation(summary = "存量导入 — households and their identification from the existing register",
            description = "Accepted as a batch (202 with its Location; GET it for progress and the report). "
                    + "A CSV file in the layout of the README (UTF-8 or GBK). Each row registers its household "
                    + "with its head and, with 监测对象类别, 风险类型 and 识别监测时间, identifies it on that day, so "
                    + "that monitoring and the assistance case start on it. Rows the rules refuse are listed with "
                    + "their line and the reason in Chinese, and nothing of them is written; the other rows are. "
                    + "Households registered (and identified) already are left unchanged, so the same file imported "
                    + "again changes nothing. Every event names the importer, the file and the line.")
    ResponseEntity<ImportRun> importHouseholds(@RequestParam @NotBlank @Size(max = 200) String fileName,
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
