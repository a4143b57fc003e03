package org.fangpin.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.fangpin.contracts.value.Department;
import org.fangpin.contracts.value.RegionCode;
import org.fangpin.monitoring.process.department.DepartmentDataImport;
import org.fangpin.monitoring.process.department.DepartmentDataImport.Format;
import org.fangpin.monitoring.process.department.DepartmentDataImport.Receipt;
import org.fangpin.monitoring.query.DepartmentBatchQueries;
import org.fangpin.monitoring.query.DepartmentBatchQueries.BatchView;
import org.fangpin.monitoring.query.DepartmentBatchQueries.RejectionView;
import org.fangpin.platform.actor.Actor;
import org.fangpin.platform.actor.RequestContext;
import org.fangpin.platform.actor.Role;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.platform.web.Pages;
import org.fangpin.platform.web.RuleViolation;

/**
 * 行业部门数据交换: a department uploads a CSV or XLSX file (the request body itself, streamed, or a multipart
 * form's {@code file}); the answer (202) names the batch, whose progress is then read here. A department officer
 * uploads and reads for their own department (token claim {@code department}); the county office for any.
 */
@RestController
@RequestMapping("/api/department-data/batches")
@Tag(name = "行业部门数据", description = "Department data exchanges (医保, 民政, 残联, 教育, 住建, 应急, ...): files "
        + "screened against the households")
class DepartmentDataController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String UPLOADERS = "hasAnyRole('DEPARTMENT_OFFICER', 'COUNTY_APPROVER')";
    private static final int REJECTIONS_SHOWN = 100;

    private final DepartmentDataImport imports;
    private final DepartmentBatchQueries queries;

    DepartmentDataController(DepartmentDataImport imports, DepartmentBatchQueries queries) {
        this.imports = imports;
        this.queries = queries;
    }

    /** A batch with the first rejected rows; the rest are paged at {@code /rejections}. */
    record BatchDetails(BatchView batch, List<RejectionView> rejections) {
    }

    record RejectionPage(List<RejectionView> rejections, String nextCursor) {
    }

    @PostMapping(consumes = {"text/csv", XLSX})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize(UPLOADERS)
    @Operation(summary = "部门数据上传 — a department's CSV or XLSX file as the request body",
            description = "A department officer (for their own department, from the token) or a county approver "
                    + "(naming the department) uploads a department's data exchange file. The answer (202) "
                    + "names the batch; the rows are screened in the background: hits on monitoring objects "
                    + "raise warnings, hits on other households raise leads. Progress at "
                    + "/api/department-data/batches/{batchId}. The file is streamed, so it may be large.")
    Receipt upload(@RequestParam(required = false) Department department,
                   @RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
        Format format = request.getContentType().toLowerCase(Locale.ROOT).startsWith(XLSX) ? Format.XLSX : Format.CSV;
        try (InputStream body = request.getInputStream()) {
            return imports.upload(departmentOf(department), format, fileName, body,
                    charset(request.getCharacterEncoding()));
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize(UPLOADERS)
    @Operation(summary = "部门数据上传（表单） — the same file as a form's file field",
            description = "A department officer (for their own department, from the token) or a county approver "
                    + "(naming the department) uploads a department's data exchange file. The answer (202) "
                    + "names the batch; the rows are screened in the background: hits on monitoring objects "
                    + "raise warnings, hits on other households raise leads. Progress at "
                    + "/api/department-data/batches/{batchId}.")
    Receipt uploadForm(@RequestParam(required = false) Department department, @RequestPart MultipartFile file)
            throws IOException {
        String name = file.getOriginalFilename();
        Format format = name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? Format.XLSX : Format.CSV;
        try (InputStream body = file.getInputStream()) {
            return imports.upload(departmentOf(department), format, name, body, StandardCharsets.UTF_8);
        }
    }

    /** @param nextCursor the cursor of the next page; absent on the last page */
    record BatchPage(List<BatchView> batches, String nextCursor) {
    }

    /**
     * @param region     a region prefix within the caller's jurisdiction; the caller's own region when absent
     * @param department a department officer's own department whether named or not; any for the other readers
     * @param cursor     the {@code nextCursor} of the previous page
     */
    @GetMapping
    @Operation(summary = "批次列表 — the department batches of a region, newest first",
            description = "Readers within their region (region defaults to the caller's own), a department officer "
                    + "only for their own department (403 DEPARTMENT_NOT_YOURS for another), the others optionally "
                    + "of one department: each batch with its file name, state, counts and times, newest upload "
                    + "first, a page at a time: pass nextCursor as cursor for the next page (422 INVALID_CURSOR "
                    + "for a cursor this list did not give).")
    BatchPage batches(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                      @RequestParam(required = false) Department department,
                      @RequestParam(required = false) String cursor,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        String within = Jurisdiction.regionAsked(region);
        Department of = department;
        if (RequestContext.requireActor().role() == Role.DEPARTMENT_OFFICER) {
            of = ownDepartment();
            if (department != null && department != of) {
                throw RuleViolation.forbidden("DEPARTMENT_NOT_YOURS", department);
            }
        }
        if (cursor != null && !queries.exists(cursor)) {
            throw RuleViolation.of("INVALID_CURSOR", cursor);
        }
        List<BatchView> page = queries.batches(within, of == null ? null : of.name(), cursor, limit);
        return new BatchPage(page, Pages.nextCursor(page, limit, BatchView::batchId));
    }

    @GetMapping("/{batchId}")
    @Operation(summary = "批次进度 — a batch's progress, counts and first rejected rows",
            description = "Readers within the batch's region, a department officer only for their own department: "
                    + "the batch's state, the rows read, rejected and hit, and the first rejected rows with "
                    + "their line and reason.")
    BatchDetails batch(@PathVariable String batchId) {
        BatchView batch = visible(batchId);
        return new BatchDetails(batch, queries.rejections(batchId, 0, REJECTIONS_SHOWN));
    }

    @GetMapping("/{batchId}/rejections")
    @Operation(summary = "被拒行 — a batch's rejected rows, a page at a time",
            description = "Readers within the batch's region, a department officer only for their own department: "
                    + "each rejected row with its line number and why; pass nextCursor as cursor for the next "
                    + "page.")
    RejectionPage rejections(@PathVariable String batchId, @RequestParam(defaultValue = "0") @Min(0) long cursor,
                             @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        visible(batchId);
        List<RejectionView> page = queries.rejections(batchId, cursor, limit);
        return new RejectionPage(page,
                Pages.nextCursor(page, limit, RejectionView::lineNo));
    }

    private BatchView visible(String batchId) {
        BatchView batch = queries.batch(batchId)
                .orElseThrow(() -> RuleViolation.notFound("DEPARTMENT_BATCH_NOT_FOUND", batchId));
        Jurisdiction.requireWithin(batch.regionCode());
        if (RequestContext.requireActor().role() == Role.DEPARTMENT_OFFICER
                && ownDepartment() != Department.valueOf(batch.department())) {
            throw RuleViolation.forbidden("DEPARTMENT_NOT_YOURS", batch.department());
        }
        return batch;
    }

    /** A department officer speaks for their own department only; the county office names the department. */
    private static Department departmentOf(Department requested) {
        Actor actor = RequestContext.requireActor();
        Jurisdiction.requireWritableWithin(actor.region());
        if (actor.role() != Role.DEPARTMENT_OFFICER) {
            if (requested == null) {
                throw RuleViolation.of("DEPARTMENT_REQUIRED");
            }
            return requested;
        }
        Department own = ownDepartment();
        if (requested != null && requested != own) {
            throw RuleViolation.forbidden("DEPARTMENT_NOT_YOURS", requested);
        }
        return own;
    }

    private static Department ownDepartment() {
        String claim = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getClaimAsString("department") : null;
        return Arrays.stream(Department.values()).filter(department -> department.name().equals(claim)).findFirst()
                .orElseThrow(() -> RuleViolation.forbidden("DEPARTMENT_NOT_ASSIGNED"));
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw RuleViolation.of("DEPARTMENT_FILE_CHARSET", name);
        }
    }
}
