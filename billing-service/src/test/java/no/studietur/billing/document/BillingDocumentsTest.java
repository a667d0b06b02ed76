package no.studietur.billing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import no.studietur.billing.BillingSamples;
import no.studietur.billing.invoice.CreditNote;
import no.studietur.billing.invoice.Invoice;
import no.studietur.contracts.billing.CreditNoteIssued;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.documents.PdfDocuments;
import no.studietur.testsupport.SampleConfirmation;

/** Every document validated with the official PEPPOL BIS Billing 3.0 and Norwegian rules, zero errors allowed. */
class BillingDocumentsTest {

    private static final Instant EARLY = Instant.parse("2027-01-10T09:00:00Z");
    private static final int DOCUMENTS_EACH = 20;

    @Test
    void aZeroRatedInvoiceToANorwegianMunicipality() {
        Invoice invoice = BillingSamples.invoice(BillingSamples.confirmation());

        String xml = EhfDocuments.invoice(invoice.issued());

        PeppolRules.assertValidInvoice(xml);
        assertThat(xml).contains("<cbc:EndpointID schemeID=\"0192\">944382038</cbc:EndpointID>")
                .contains("<cbc:CompanyID>NO923456783MVA</cbc:CompanyID>")
                .contains("<cbc:BuyerReference>4100-ELDRE</cbc:BuyerReference>")
                .contains("<cbc:PaymentID>" + invoice.kid() + "</cbc:PaymentID>")
                .contains("<cbc:PayableAmount currencyID=\"NOK\">21980.00</cbc:PayableAmount>")
                .contains("Máret Ŋuolja");
    }

    @Test
    void anExemptCourseWithItsReason() {
        Invoice invoice = BillingSamples.invoice(BillingSamples.withVat(BillingSamples.confirmation(),
                BillingSamples.EXEMPT, "3450"));

        String xml = EhfDocuments.invoice(invoice.issued());

        PeppolRules.assertValidInvoice(xml);
        assertThat(xml).contains("<cbc:TaxExemptionReason>Kurs og undervisning, merverdiavgiftsloven § 3-5");
    }

    @Test
    void aStandardRatedInvoiceToASwedishMunicipalityWithoutBuyerReference() {
        RegistrationConfirmed confirmed = BillingSamples.swedishBuyer(BillingSamples.withVat(
                BillingSamples.confirmation(), BillingSamples.STANDARD, "1999.99"), null);
        Invoice invoice = BillingSamples.invoice(confirmed);

        String xml = EhfDocuments.invoice(invoice.issued());

        PeppolRules.assertValidInvoice(xml);
        assertThat(xml).contains("<cbc:EndpointID schemeID=\"0007\">2120000142</cbc:EndpointID>")
                .contains("<cac:OrderReference>")
                .contains("<cbc:TaxAmount currencyID=\"NOK\">1000.00</cbc:TaxAmount>")
                .contains("<cbc:PayableAmount currencyID=\"NOK\">4999.98</cbc:PayableAmount>");
    }

    @Test
    void aCreditNoteForAPartialCancellationReferencesTheInvoice() {
        RegistrationConfirmed confirmed = BillingSamples.withVat(BillingSamples.confirmation(),
                BillingSamples.STANDARD, "1999.99");
        Invoice invoice = BillingSamples.invoice(confirmed);
        CreditNote note = invoice.creditFor(BillingSamples.customerCancels(confirmed, 1, EARLY), "event", "cn-1",
                "K2026-000007", BillingSamples.ISSUED).orElseThrow();

        String xml = EhfDocuments.creditNote(invoice.withCreditNote(note).issued(note));

        PeppolRules.assertValidCreditNote(xml);
        assertThat(xml).contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .contains("<cac:InvoiceDocumentReference>")
                .contains("<cbc:ID>2026-000042</cbc:ID>")
                // half of 1999.99 rounds to 1000.00 (half up); 25 % VAT on it is 250.00
                .contains("<cbc:LineExtensionAmount currencyID=\"NOK\">1000.00</cbc:LineExtensionAmount>")
                .contains("<cbc:PayableAmount currencyID=\"NOK\">1250.00</cbc:PayableAmount>");
    }

    @Test
    void aCreditNoteForACancelledTour() {
        RegistrationConfirmed confirmed = BillingSamples.confirmation();
        Invoice invoice = BillingSamples.invoice(confirmed);
        CreditNote note = invoice.creditFor(BillingSamples.tourCancelled(confirmed), "event", "cn-1", "K2026-000008",
                BillingSamples.ISSUED).orElseThrow();

        PeppolRules.assertValidCreditNote(EhfDocuments.creditNote(invoice.issued(note)));
    }

    @Test
    void theInvoicePdfIsNorwegianAndShowsWhatToPayAndWhere() throws IOException {
        Invoice invoice = BillingSamples.invoice(BillingSamples.withParticipants(BillingSamples.confirmation(), List.of(
                SampleConfirmation.participant("Máret Ŋuolja", "maret@example.no", "nb"),
                SampleConfirmation.participant("<b>Ola</b> & Co", "x@example.no", "nb"))));

        String text = text(PdfDocuments.invoice(invoice.issued()));

        assertThat(text).contains("Faktura", "Fakturanummer", "2026-000042", "Forfallsdato", "23.12.2026",
                "Asker kommune", "Org.nr. 944 382 038", "Deres ref.: 4100-ELDRE", "Org.nr. 923 456 783 MVA",
                "Máret Ŋuolja", "<b>Ola</b> & Co", "Å betale (NOK)", "21\u00a0980,00",
                "KID: " + invoice.kid(), "Kontonummer: 12345678903");
    }

    @Test
    void theCreditNotePdfNamesTheInvoiceItCorrects() throws IOException {
        RegistrationConfirmed confirmed = BillingSamples.confirmation();
        Invoice invoice = BillingSamples.invoice(confirmed);
        CreditNote note = invoice.creditFor(BillingSamples.customerCancels(confirmed, 1, EARLY), "event", "cn-1",
                "K2026-000009", BillingSamples.ISSUED).orElseThrow();
        CreditNoteIssued issued = invoice.withCreditNote(note).issued(note);

        String text = text(PdfDocuments.creditNote(issued));

        assertThat(text).contains("Kreditnota", "K2026-000009", "Krediterer faktura", "2026-000042 av 23.11.2026",
                "avbestilling", "gebyr 50 % beholdes", "Kreditert (NOK)", "5\u00a0495,00");
    }

    /**
     * Renderings share parsed fonts and XML parsers, one rendering at a time: documents rendered at once, each after
     * another on its thread, must each print their own text, every letter of it.
     */
    @Test
    void documentsRenderedAtOnceEachPrintTheirOwnText() throws Exception {
        List<String> names = List.of("Máret Ŋuolja", "Åse Ødegård", "Björn Östlund", "Ævar Ðórsson", "Sunná Šiellá",
                "Kjersti Ånestad");
        try (ExecutorService renderers = Executors.newFixedThreadPool(names.size())) {
            List<Future<List<String>>> rendered = names.stream().map(name -> renderers.submit(() -> {
                List<String> texts = new ArrayList<>();
                for (int document = 1; document <= DOCUMENTS_EACH; document++) {
                    texts.add(text(PdfDocuments.invoice(BillingSamples.invoice(BillingSamples.withParticipants(
                            BillingSamples.confirmation(), List.of(SampleConfirmation.participant(
                                    name + " " + document, "p@example.no", "nb")))).issued())));
                }
                return texts;
            })).toList();

            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                List<String> texts = rendered.get(i).get();
                for (int document = 1; document <= DOCUMENTS_EACH; document++) {
                    String text = texts.get(document - 1);
                    assertThat(text).contains(name + " " + document, "Faktura", "Å betale (NOK)");
                    names.stream().filter(other -> !other.equals(name))
                            .forEach(other -> assertThat(text).doesNotContain(other));
                }
            }
        }
    }

    @Test
    void theRendererLogsThroughTheServicesLoggingNotTheConsole() {
        Logger renderer = (Logger) LoggerFactory.getLogger("com.openhtmltopdf");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        renderer.addAppender(logged);
        Level configured = renderer.getLevel();
        renderer.setLevel(Level.INFO);
        try {
            PdfDocuments.invoice(BillingSamples.invoice(BillingSamples.confirmation()).issued());
        } finally {
            renderer.setLevel(configured);
            renderer.detachAppender(logged);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getLoggerName).isNotEmpty()
                .allMatch(name -> name.startsWith("com.openhtmltopdf."));
    }

    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\n\\r]+", " ");
        }
    }
}
