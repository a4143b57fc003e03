package org.fangpin.monitoring.process.department;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of the first worksheet of an XLSX file, read with StAX from the file spooled to disk (an XLSX is a zip
 * whose parts can come in any order, so it cannot be read while it arrives). Only the shared strings are held in
 * memory; departments exporting files of a million rows send CSV.
 */
final class XlsxRows implements Rows {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final ZipFile zip;
    private final List<String> sharedStrings;
    private final InputStream sheetStream;
    private final XMLStreamReader sheet;

    XlsxRows(Path file) throws IOException {
        this.zip = new ZipFile(file.toFile());
        try {
            this.sharedStrings = sharedStrings(zip);
            ZipEntry first = firstSheet(zip);
            this.sheetStream = zip.getInputStream(first);
            this.sheet = XML.createXMLStreamReader(sheetStream);
        } catch (XMLStreamException | RuntimeException e) {
            zip.close();
            throw new IOException("not a readable XLSX workbook", e);
        }
    }

    @Override
    public Row next() throws IOException {
        try {
            while (sheet.hasNext()) {
                if (sheet.next() == XMLStreamConstants.START_ELEMENT && "row".equals(sheet.getLocalName())) {
                    return row();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new IOException("the worksheet cannot be read", e);
        }
    }

    private Row row() throws XMLStreamException {
        long lineNo = Long.parseLong(sheet.getAttributeValue(null, "r"));
        List<String> cells = new ArrayList<>(8);
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(sheet.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(sheet.getLocalName())) {
                int column = column(sheet.getAttributeValue(null, "r"), cells.size());
                String type = sheet.getAttributeValue(null, "t");
                String value = cellValue();
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add("s".equals(type) && !value.isEmpty() ? sharedStrings.get(Integer.parseInt(value)) : value);
            }
        }
        return new Row(lineNo, cells);
    }

    /** The text of a cell: its {@code <v>} or its inline {@code <is><t>}; ends on the cell's end tag. */
    private String cellValue() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(sheet.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT
                    && ("v".equals(sheet.getLocalName()) || "t".equals(sheet.getLocalName()))) {
                text.append(sheet.getElementText());
            }
        }
        return text.toString().trim();
    }

    /** The zero-based column of a cell reference such as {@code C12}; the next column when there is none. */
    private static int column(String reference, int next) {
        if (reference == null) {
            return next;
        }
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        ZipEntry entry = zip.getEntry("xl/sharedStrings.xml");
        if (entry == null) {
            return strings;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader reader = XML.createXMLStreamReader(in);
            StringBuilder text = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && "si".equals(reader.getLocalName())) {
                    text = new StringBuilder();
                } else if (event == XMLStreamConstants.START_ELEMENT && "t".equals(reader.getLocalName())
                        && text != null) {
                    text.append(reader.getElementText());
                } else if (event == XMLStreamConstants.END_ELEMENT && "si".equals(reader.getLocalName())
                        && text != null) {
                    strings.add(text.toString());
                    text = null;
                }
            }
            reader.close();
        }
        return strings;
    }

    private static ZipEntry firstSheet(ZipFile zip) throws IOException {
        ZipEntry sheet1 = zip.getEntry("xl/worksheets/sheet1.xml");
        if (sheet1 != null) {
            return sheet1;
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml")) {
                return entry;
            }
        }
        throw new IOException("the workbook has no worksheet");
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            sheetStream.close();
            zip.close();
        }
    }
}
