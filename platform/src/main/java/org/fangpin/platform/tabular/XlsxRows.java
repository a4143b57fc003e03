package org.fangpin.platform.tabular;

import java.io.FilterInputStream;
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

import org.fangpin.platform.web.RuleViolation;

/**
 * The rows of the first worksheet of an XLSX file, read with StAX from the file spooled to disk (an XLSX is a zip
 * whose parts can come in any order, so it cannot be read while it arrives). Only the shared strings are held in
 * memory; a file of a million rows is sent as CSV.
 * <p>
 * A workbook is refused when it goes beyond {@link TabularLimits.Xlsx}: more rows or columns, more or longer
 * shared strings, or more unpacked bytes (a zip bomb) than allowed; a cell longer than Excel allows (32,767
 * characters) or a reference that is not a cell's makes it unreadable. Rows and cells without their {@code r}
 * reference are placed by their order, as Excel reads them.
 */
public final class XlsxRows implements Rows {

    /** Excel's own limit of a cell's text. */
    static final int MAX_CELL_CHARACTERS = 32_767;
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final TabularLimits tabular;
    private final TabularLimits.Xlsx limits;
    private final ZipFile zip;
    private final Unpacked unpacked;
    private final List<String> sharedStrings;
    private final InputStream sheetStream;
    private final XMLStreamReader sheet;
    private long rows;
    private long lineNo;

    public XlsxRows(Path file, TabularLimits limits) throws IOException {
        this.tabular = limits;
        this.limits = limits.xlsx();
        this.zip = new ZipFile(file.toFile());
        this.unpacked = new Unpacked(this.limits.maxUncompressedSize().toBytes(), limits);
        try {
            this.sharedStrings = sharedStrings();
            this.sheetStream = unpacked.of(zip.getInputStream(firstSheet(zip)));
            this.sheet = XML.createXMLStreamReader(sheetStream);
        } catch (XMLStreamException | IOException | RuntimeException e) {
            zip.close();
            if (e instanceof RuleViolation refused) {
                throw refused;
            }
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

    private Row row() throws XMLStreamException, IOException {
        if (++rows > limits.maxRows()) {
            throw RuleViolation.of(tabular.code("TOO_MANY_ROWS"), limits.maxRows());
        }
        String reference = sheet.getAttributeValue(null, "r");
        lineNo = reference == null ? lineNo + 1 : number(reference);
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
                cells.add("s".equals(type) && !value.isEmpty() ? sharedString(value) : value);
            }
        }
        return new Row(lineNo, cells);
    }

    /** The text of a cell: its {@code <v>} or its inline {@code <is><t>}; ends on the cell's end tag. */
    private String cellValue() throws XMLStreamException, IOException {
        StringBuilder text = new StringBuilder();
        boolean inValue = false;
        while (sheet.hasNext()) {
            int event = sheet.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(sheet.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                inValue = "v".equals(sheet.getLocalName()) || "t".equals(sheet.getLocalName());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                inValue = false;
            } else if (inValue && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                if (text.length() + sheet.getTextLength() > MAX_CELL_CHARACTERS) {
                    throw new IOException("a cell holds more text than Excel allows");
                }
                text.append(sheet.getTextCharacters(), sheet.getTextStart(), sheet.getTextLength());
            }
        }
        return text.toString().trim();
    }

    /**
     * The zero-based column of a cell reference such as {@code C12}; the next column when there is none. A column
     * beyond the limit refuses the workbook before any cell is padded up to it.
     */
    private int column(String reference, int next) throws IOException {
        int column = next;
        if (reference != null) {
            column = 0;
            int letters = 0;
            for (; letters < reference.length() && Character.isLetter(reference.charAt(letters)); letters++) {
                char c = Character.toUpperCase(reference.charAt(letters));
                if (c < 'A' || c > 'Z' || column > limits.maxColumns()) {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            if (letters == 0) {
                throw new IOException("not a cell reference: " + reference);
            }
            column--;
        }
        if (column >= limits.maxColumns()) {
            throw RuleViolation.of(tabular.code("TOO_MANY_COLUMNS"), lineNo, limits.maxColumns());
        }
        return column;
    }

    private String sharedString(String index) throws IOException {
        int at = (int) number(index);
        if (at >= sharedStrings.size()) {
            throw new IOException("no shared string " + index);
        }
        return sharedStrings.get(at);
    }

    /** A row number or a shared-string index: digits only. */
    private static long number(String text) throws IOException {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IOException("not a number: " + text);
        }
        return Long.parseLong(text);
    }

    private List<String> sharedStrings() throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        ZipEntry entry = zip.getEntry("xl/sharedStrings.xml");
        if (entry == null) {
            return strings;
        }
        long characters = 0;
        try (InputStream in = unpacked.of(zip.getInputStream(entry))) {
            XMLStreamReader reader = XML.createXMLStreamReader(in);
            StringBuilder text = null;
            boolean inText = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && "si".equals(reader.getLocalName())) {
                    if (strings.size() == limits.maxSharedStrings()) {
                        throw sharedStringsLimit();
                    }
                    text = new StringBuilder();
                } else if (event == XMLStreamConstants.START_ELEMENT && "t".equals(reader.getLocalName())) {
                    inText = text != null;
                } else if (event == XMLStreamConstants.END_ELEMENT && "t".equals(reader.getLocalName())) {
                    inText = false;
                } else if (inText && (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA)) {
                    characters += reader.getTextLength();
                    if (characters > limits.maxSharedStringCharacters()) {
                        throw sharedStringsLimit();
                    }
                    if (text.length() + reader.getTextLength() > MAX_CELL_CHARACTERS) {
                        throw new IOException("a shared string holds more text than Excel allows");
                    }
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
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

    private RuleViolation sharedStringsLimit() {
        return RuleViolation.of(tabular.code("SHARED_STRINGS_LIMIT"), limits.maxSharedStrings(),
                limits.maxSharedStringCharacters());
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

    /**
     * Counts the bytes the workbook's parts unpack to, whatever their entries claim: past the limit the workbook is
     * refused, so a small zip that unpacks to gigabytes costs no more than reading the limit.
     */
    private static final class Unpacked {

        private final long limit;
        private final TabularLimits tabular;
        private long bytes;

        Unpacked(long limit, TabularLimits tabular) {
            this.limit = limit;
            this.tabular = tabular;
        }

        InputStream of(InputStream part) {
            return new FilterInputStream(part) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }
            };
        }

        private void count(int n) throws LimitExceeded {
            bytes += n;
            if (bytes > limit) {
                throw new LimitExceeded(RuleViolation.of(tabular.code("UNCOMPRESSED_TOO_LARGE"), limit >> 20));
            }
        }
    }

    /** A limit reached while a part unpacks: an {@link IOException} to the XML parser, which wraps it. */
    public static final class LimitExceeded extends IOException {

        private final transient RuleViolation refusal;

        LimitExceeded(RuleViolation refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        public RuleViolation refusal() {
            return refusal;
        }
    }
}
