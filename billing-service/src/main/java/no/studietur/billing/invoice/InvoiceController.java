package no.studietur.billing.invoice;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.studietur.web.RequestRefused;

/** Invoices, for operators only. */
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    private final InvoiceService invoices;

    InvoiceController(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @GetMapping
    List<Invoice> list(@RequestParam(required = false) String registrationId) {
        return invoices.list(registrationId);
    }

    @GetMapping("/{id}")
    Invoice get(@PathVariable String id) {
        return invoices.find(id).orElseThrow(() -> RequestRefused.notFound("Invoice " + id));
    }
}
