package no.studietur.billing.payment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import no.studietur.billing.invoice.Invoice;

/** Finance registers the payments it finds on the bank statement. Operators only. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /** 201 with the invoice after the payment; 200 when the same payment (same reference) was recorded before. */
    @PostMapping
    ResponseEntity<Invoice> record(@Valid @RequestBody PaymentRequest request) {
        PaymentService.Recorded recorded = payments.record(request);
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.invoice());
    }
}
