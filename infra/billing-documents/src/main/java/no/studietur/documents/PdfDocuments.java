package no.studietur.documents;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.XRLog;

import no.studietur.contracts.billing.CreditNoteIssued;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.common.Money;

/**
 * Invoices and credit notes as readable PDFs in Norwegian, for buyers who get them by e-mail or on paper (the EHF
 * XML is the legal document for the others). Rendered from the billing events alone, which carry the whole
 * document, so billing serves the same PDF that notification attaches. An XHTML template rendered by Thymeleaf (which escapes every value)
 * and laid out by openhtmltopdf, with Liberation Sans embedded so every Latin letter prints, Sámi ones included.
 */
public final class PdfDocuments {

    private static final String FONT = "Liberation Sans";
    private static final List<String> DRAWING_TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap",
            "name", "OS/2", "post", "cvt ", "fpgm", "prep", "gasp");
    // Read once: taking them out of the jar for every document cost more than laying the document out.
    private static final byte[] REGULAR = withoutGlyphSubstitution(resource("/liberation/LiberationSans-Regular.ttf"));
    private static final byte[] BOLD = withoutGlyphSubstitution(resource("/liberation/LiberationSans-Bold.ttf"));
    /**
     * Tools for the next renderings: parsed once, they serve document after document. Parsing the fonts (their
     * character maps above all) and finding an XML parser anew, as openhtmltopdf does for a document given as text,
     * were a fifth of a rendering. FontBox reads a parsed font's tables as they are first needed and an XML parser
     * parses one document at a time, so a set of tools serves one rendering at a time: there are as many sets as
     * renderings ran at once.
     */
    private static final Queue<RenderingTools> IDLE_TOOLS = new ConcurrentLinkedQueue<>();
    // The fonts' metrics, shared by every rendering (openhtmltopdf's store is thread-safe): layout then needs no
    // font parsing, only the embedding does.
    private static final FSCacheEx<String, FSCacheValue> FONT_METRICS = new FSDefaultCacheStore();
    private static final SpringTemplateEngine TEMPLATES = templates();

    static {
        // openhtmltopdf otherwise writes five plain-text lines per document to the console past the services'
        // structured log, at INFO; through SLF4J they take the services' format and levels.
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    private PdfDocuments() {
    }

    public static byte[] invoice(InvoiceIssued invoice) {
        return render(Map.of("invoice", invoice, "document", "invoice"));
    }

    public static byte[] creditNote(CreditNoteIssued note) {
        return render(Map.of("note", note, "document", "creditNote", "reason", reasonText(note.reason())));
    }

    /** Why a credit note was issued, as printed on it (and in the EHF note). */
    public static String reasonText(String reason) {
        return "TOUR_CANCELLED".equals(reason) ? "Kreditnota: turen er avlyst av arrangøren"
                : "Kreditnota: avbestilling etter avtalte vilkår";
    }

    private static byte[] render(Map<String, Object> variables) {
        Context context = new Context(Locale.forLanguageTag("nb-NO"), variables);
        context.setVariable("format", new NorwegianFormat());
        String xhtml = TEMPLATES.process("billing-document", context);
        RenderingTools tools = Optional.ofNullable(IDLE_TOOLS.poll()).orElseGet(RenderingTools::make);
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream(); PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
            tools.embedFontsIn(document, builder);
            builder.withW3cDocument(tools.xhtmlParser().parse(new InputSource(new StringReader(xhtml))), null);
            builder.toStream(pdf);
            builder.run();
            // only after a rendering that went well: one that failed may have left a font table half read
            IDLE_TOOLS.offer(tools);
            return pdf.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not render the PDF", failed);
        } catch (SAXException templateFault) {
            throw new IllegalStateException("The template made XHTML that does not parse", templateFault);
        }
    }

    /**
     * Liberation Sans regular and bold, parsed (each document embeds the subset of them it draws), and a parser for
     * the XHTML the template makes.
     */
    private record RenderingTools(TrueTypeFont regular, TrueTypeFont bold, DocumentBuilder xhtmlParser) {

        static RenderingTools make() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                // the template has no document type, so one could only have come from outside
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return new RenderingTools(parsed(REGULAR), parsed(BOLD), factory.newDocumentBuilder());
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }

        void embedFontsIn(PDDocument document, PdfRendererBuilder builder) throws IOException {
            // Loaded this way, the document leaves the fonts open when it closes, for the next document.
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, regular, true)), FONT, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, bold, true)), FONT, 700,
                    FontStyle.NORMAL, true);
        }
    }

    /**
     * The font without its glyph-substitution (GSUB) rules: PDFBox runs every string it draws through them, a fifth
     * of the cost of a rendering, yet the letters of our languages are all single glyphs the character map reaches
     * directly (å, ø, ŋ and the other Sámi ones included), so the rules change nothing we print. FontBox's subsetter
     * copies the font with every mapped character and only the tables named here, those that draw and measure them.
     */
    private static byte[] withoutGlyphSubstitution(byte[] font) {
        try (TrueTypeFont parsed = parsed(font); ByteArrayOutputStream copy = new ByteArrayOutputStream()) {
            CmapLookup characters = parsed.getUnicodeCmapLookup();
            TTFSubsetter subsetter = new TTFSubsetter(parsed, DRAWING_TABLES);
            for (int character = 0; character <= Character.MAX_VALUE; character++) {
                if (characters.getGlyphId(character) != 0) {
                    subsetter.add(character);
                }
            }
            subsetter.writeToStream(copy);
            return copy.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrueTypeFont parsed(byte[] font) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(font));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        // as the e-mails' engine: SpEL compiled to bytecode where it can be, interpreted where not
        engine.setEnableSpringELCompiler(true);
        return engine;
    }

    /** Norwegian number and date forms: 10 990,00 and 31.05.2027; organisation numbers as 944 382 038. */
    public static final class NorwegianFormat {

        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

        public String money(Money money) {
            DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
            return new DecimalFormat("#,##0.00", symbols).format(money.amount());
        }

        public String percent(BigDecimal percent) {
            return percent.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
        }

        public String date(LocalDate date) {
            return date == null ? "" : DATE.format(date);
        }

        public String organisationNumber(String number) {
            return number != null && number.matches("\\d{9}")
                    ? number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6) : number;
        }
    }
}
