package org.opensalw.importing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.opensalw.importing.ColumnInfo;

/**
 * The Excel template: a first sheet with the documented header, an example row and drop-down lists of the allowed
 * values (weapon types, holder kinds, events, country codes) on whole columns, and date cells for the dates; a second
 * sheet describing each column in the person's language; the lists on a third, hidden sheet. The import reads the
 * first sheet only, so a filled-in template imports as it is.
 */
public final class XlsxTemplate {

    /** The texts of the columns sheet, in the person's language. */
    public record Labels(String columnsSheet, String column, String required, String description, String example, String allowed) {
    }

    private static final String REGISTER_SHEET = "register";
    private static final String LISTS_SHEET = "lists";
    private static final int LAST_ROW = 1_048_575; // the sheet's last row (0-based): validations cover whole columns

    private XlsxTemplate() {
    }

    /**
     * @param columns the documented columns, descriptions already in the person's language
     * @param allowed for columns with a closed list of values, the values
     */
    public static void write(OutputStream out, List<ColumnInfo> columns, Map<String, List<String>> allowed, Labels labels) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));

            Sheet register = wb.createSheet(REGISTER_SHEET);
            Sheet described = wb.createSheet(labels.columnsSheet());
            Sheet lists = wb.createSheet(LISTS_SHEET);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);

            Row head = register.createRow(0);
            Row example = register.createRow(1);
            DataValidationHelper validations = register.getDataValidationHelper();
            int listColumn = 0;
            for (int i = 0; i < columns.size(); i++) {
                ColumnInfo c = columns.get(i);
                var cell = head.createCell(i);
                cell.setCellValue(c.name());
                cell.setCellStyle(header);
                boolean isDate = c.name().endsWith("_date");
                if (isDate) {
                    register.setDefaultColumnStyle(i, date);
                }
                writeExample(example, i, c, isDate, date);
                register.setColumnWidth(i, Math.max(12, c.name().length() + 2) * 256);
                List<String> values = allowed.get(c.name());
                if (values != null && !values.isEmpty()) {
                    Row listHead = lists.getRow(0) == null ? lists.createRow(0) : lists.getRow(0);
                    listHead.createCell(listColumn).setCellValue(c.name());
                    for (int v = 0; v < values.size(); v++) {
                        Row r = lists.getRow(v + 1) == null ? lists.createRow(v + 1) : lists.getRow(v + 1);
                        r.createCell(listColumn).setCellValue(values.get(v));
                    }
                    String letter = CellReference.convertNumToColString(listColumn);
                    DataValidationConstraint constraint = validations.createFormulaListConstraint(
                            LISTS_SHEET + "!$" + letter + "$2:$" + letter + "$" + (values.size() + 1));
                    DataValidation validation = validations.createValidation(constraint, new CellRangeAddressList(1, LAST_ROW, i, i));
                    validation.setEmptyCellAllowed(true);
                    validation.setShowErrorBox(true);
                    validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
                    register.addValidationData(validation);
                    listColumn++;
                }
            }
            register.createFreezePane(0, 1);

            Row describedHead = described.createRow(0);
            String[] titles = {labels.column(), labels.required(), labels.description(), labels.example()};
            for (int i = 0; i < titles.length; i++) {
                var cell = describedHead.createCell(i);
                cell.setCellValue(titles[i]);
                cell.setCellStyle(header);
            }
            for (int i = 0; i < columns.size(); i++) {
                ColumnInfo c = columns.get(i);
                Row r = described.createRow(i + 1);
                r.createCell(0).setCellValue(c.name());
                r.createCell(1).setCellValue(c.required() ? labels.required() : "");
                r.createCell(2).setCellValue(c.description() + (allowed.containsKey(c.name()) ? " — " + labels.allowed() : ""));
                r.createCell(3).setCellValue(c.example());
            }
            described.setColumnWidth(0, 26 * 256);
            described.setColumnWidth(1, 12 * 256);
            described.setColumnWidth(2, 90 * 256);
            described.setColumnWidth(3, 20 * 256);
            wb.write(out);
        }
    }

    /** The example row: dates as real dates, years as numbers, the rest as text. */
    private static void writeExample(Row example, int i, ColumnInfo c, boolean isDate, CellStyle date) {
        String value = c.example();
        if (value == null || value.isEmpty()) {
            return;
        }
        var cell = example.createCell(i);
        if (isDate && value.matches("\\d{2}/\\d{2}/\\d{4}")) {
            cell.setCellValue(LocalDate.of(Integer.parseInt(value.substring(6)), Integer.parseInt(value.substring(3, 5)),
                    Integer.parseInt(value.substring(0, 2))));
            cell.setCellStyle(date);
        } else if (value.matches("\\d{1,4}")) {
            cell.setCellValue(Integer.parseInt(value));
        } else {
            cell.setCellValue(value);
        }
    }
}
