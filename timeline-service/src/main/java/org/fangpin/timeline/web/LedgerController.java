package org.fangpin.timeline.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fangpin.contracts.value.MeasureType;
import org.fangpin.contracts.value.RegionCode;
import org.fangpin.contracts.value.RiskType;
import org.fangpin.platform.security.Jurisdiction;
import org.fangpin.timeline.query.HouseholdRecord;
import org.fangpin.timeline.query.LedgerQueries;
import org.fangpin.timeline.query.StatusFlag;

/**
 * The monitoring ledger (监测对象台账) of a village, township or county as an Excel workbook, one row per
 * monitoring object. Written with POI's streaming workbook: only a window of rows is in memory, however large the
 * county.
 */
@RestController
@PreAuthorize(Jurisdiction.HOUSEHOLD_READERS)
@Tag(name = "台账", description = "The monitoring ledger (监测对象台账) as an Excel workbook")
class LedgerController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 100;

    /** One ledger column: its heading and how a household fills it. */
    private record Column(String heading, Function<HouseholdRecord, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("户编号", HouseholdRecord::householdId),
            new Column("户主", HouseholdRecord::headName),
            new Column("户主身份证号", record -> Jurisdiction.idNumber(record.headIdNumber())),
            new Column("区划代码", HouseholdRecord::regionCode),
            new Column("家庭人口", record -> (long) record.memberCount()),
            new Column("监测对象类型", record -> record.objectType() == null ? null : record.objectType().chineseName()),
            new Column("风险类型", record -> record.riskTypes().stream().map(RiskType::chineseName)
                    .collect(Collectors.joining("、"))),
            new Column("识别时人均纯收入（元）", HouseholdRecord::incomeAtIdentification),
            new Column("最新人均纯收入（元）", record -> record.latestIncome().orElse(null)),
            new Column("最新监测月份", record -> record.latestMonth().map(Object::toString).orElse(null)),
            new Column("预警等级", record -> record.warningLevel().map(level -> level.chineseName()).orElse("无")),
            new Column("帮扶措施数", record -> (long) record.measureCount()),
            new Column("帮扶措施类型", record -> record.measureTypes().stream().map(MeasureType::chineseName)
                    .collect(Collectors.joining("、"))),
            new Column("状态", record -> record.status().chineseName()),
            new Column("标识", record -> record.flags().stream().sorted().map(StatusFlag::chineseName)
                    .collect(Collectors.joining("、"))),
            new Column("逾期事项", record -> (long) record.openOverdueItems()),
            new Column("识别认定日期", HouseholdRecord::identifiedOn),
            new Column("纳入监测日期", HouseholdRecord::monitoredSince),
            new Column("风险消除日期", HouseholdRecord::eliminatedOn),
            new Column("回退日期", HouseholdRecord::rolledBackOn));

    private final LedgerQueries queries;

    LedgerController(LedgerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/ledger")
    @Operation(summary = "监测对象台账 — the ledger as an Excel workbook",
            description = "Any reader, within their region (region defaults to the caller's own): one row per "
                    + "monitoring object of the village, township or county, as an XLSX workbook to download.")
    @ApiResponse(responseCode = "200", description = "The ledger as an Excel workbook",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")))
    void ledger(@RequestParam(required = false) @Pattern(regexp = RegionCode.PREFIX) String region,
                @RequestParam(defaultValue = "xlsx") @Pattern(regexp = "xlsx") String format,
                HttpServletResponse response) throws IOException {
        String within = Jurisdiction.regionAsked(region);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            try {
                writeLedger(workbook, within, response);
            } finally {
                // the temporary files go whether the ledger was sent or its export was stopped
                workbook.dispose();
            }
        }
    }

    private void writeLedger(SXSSFWorkbook workbook, String within, HttpServletResponse response)
            throws IOException {
        SXSSFSheet sheet = workbook.createSheet("监测对象台账");
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        Row heading = sheet.createRow(0);
        for (int i = 0; i < COLUMNS.size(); i++) {
            heading.createCell(i).setCellValue(COLUMNS.get(i).heading());
        }
        sheet.createFreezePane(0, 1);
        int[] next = {1};
        // rows are written on this request thread, so masking still knows the caller
        queries.monitoringObjects(within, record -> {
            Row row = sheet.createRow(next[0]++);
            for (int i = 0; i < COLUMNS.size(); i++) {
                write(row.createCell(i), COLUMNS.get(i).value().apply(record), date, money);
            }
        });
        // only now, so that an export stopped by its timeout answers with a problem, not with a file
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-"
                + (within.isEmpty() ? "national" : within) + ".xlsx\"");
        workbook.write(response.getOutputStream());
    }

    private static void write(Cell cell, Object value, CellStyle date, CellStyle money) {
        if (value instanceof Long number) {
            cell.setCellValue(number);
        } else if (value instanceof BigDecimal amount) {
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(money);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }
}
