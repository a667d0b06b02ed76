package no.studietur.billing.invoice;

import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import no.studietur.billing.document.EhfDocuments;
import no.studietur.documents.PdfDocuments;
import no.studietur.web.RequestRefused;

/** Invoices with their credit notes and payments, and each document as EHF XML and PDF. Operators only. */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    private static final MediaType EHF = MediaType.APPLICATION_XML;

    private final InvoiceStore invoices;

    InvoiceController(InvoiceStore invoices) {
        this.invoices = invoices;
    }

    /** Newest first; filters combine. */
    @GetMapping
    List<Invoice> list(@RequestParam(required = false) String registrationId,
                       @RequestParam(required = false) String organisationNumber,
                       @RequestParam(required = false) InvoiceStatus status,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Criteria criteria = new Criteria();
        if (registrationId != null) {
            criteria.and("registrationId").is(registrationId);
        }
        if (organisationNumber != null) {
            criteria.and("buyer.organisation.organisationNumber").is(organisationNumber);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        return invoices.find(criteria, page, size);
    }

    @GetMapping("/{id}")
    Invoice get(@PathVariable String id) {
        return invoice(id);
    }

    @GetMapping("/{id}/ehf")
    ResponseEntity<String> ehf(@PathVariable String id) {
        Invoice invoice = invoice(id);
        return document(EhfDocuments.invoice(invoice.issued()), EHF, invoice.invoiceNumber() + ".xml");
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Invoice invoice = invoice(id);
        return document(PdfDocuments.invoice(invoice.issued()), MediaType.APPLICATION_PDF,
                invoice.invoiceNumber() + ".pdf");
    }

    @GetMapping("/{id}/credit-notes/{creditNoteId}/ehf")
    ResponseEntity<String> creditNoteEhf(@PathVariable String id, @PathVariable String creditNoteId) {
        Invoice invoice = invoice(id);
        CreditNote note = creditNote(invoice, creditNoteId);
        return document(EhfDocuments.creditNote(invoice.issued(note)), EHF, note.number() + ".xml");
    }

    @GetMapping("/{id}/credit-notes/{creditNoteId}/pdf")
    ResponseEntity<byte[]> creditNotePdf(@PathVariable String id, @PathVariable String creditNoteId) {
        Invoice invoice = invoice(id);
        CreditNote note = creditNote(invoice, creditNoteId);
        return document(PdfDocuments.creditNote(invoice.issued(note)), MediaType.APPLICATION_PDF,
                note.number() + ".pdf");
    }

    private Invoice invoice(String id) {
        return invoices.find(id).orElseThrow(() -> RequestRefused.notFound("Invoice " + id));
    }

    private static CreditNote creditNote(Invoice invoice, String creditNoteId) {
        return invoice.creditNotes().stream().filter(note -> note.id().equals(creditNoteId)).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("Credit note " + creditNoteId));
    }

    private static <T> ResponseEntity<T> document(T body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"").body(body);
    }
}
