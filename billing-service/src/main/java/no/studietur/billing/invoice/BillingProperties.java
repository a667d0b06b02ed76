package no.studietur.billing.invoice;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

import no.studietur.contracts.billing.Seller;

/**
 * @param seller           who issues the documents (printed on every invoice and credit note)
 * @param series           a fixed number series, e.g. "A"; when absent each calendar year is its own series
 *                         ({@code 2027-000001}), as many accounting systems number
 * @param paymentTermsDays days from issue to due date
 */
@ConfigurationProperties("studietur.billing")
public record BillingProperties(Seller seller, String series, Integer paymentTermsDays) {

    public BillingProperties {
        Objects.requireNonNull(seller, "studietur.billing.seller must be configured");
        paymentTermsDays = paymentTermsDays == null ? 30 : paymentTermsDays;
    }

    /** The series a document issued on {@code issueDate} is numbered in. */
    public String seriesFor(LocalDate issueDate) {
        return series == null || series.isBlank() ? String.valueOf(issueDate.getYear()) : series;
    }
}
