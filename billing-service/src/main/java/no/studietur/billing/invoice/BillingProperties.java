package no.studietur.billing.invoice;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

import no.studietur.contracts.billing.Seller;

/**
 * @param seller           who issues the documents (printed on every invoice and credit note)
 * @param series           a fixed number series, e.g. "A"; when absent each calendar year is its own series
 *                         ({@code 2027-000001}), as many accounting systems number
 * @param paymentTermsDays days from issue to due date
 * @param overdueCheck     how often open invoices are checked against their due date
 */
@ConfigurationProperties("studietur.billing")
public record BillingProperties(Seller seller, String series, Integer paymentTermsDays, Duration overdueCheck) {

    public BillingProperties {
        Objects.requireNonNull(seller, "studietur.billing.seller must be configured");
        paymentTermsDays = paymentTermsDays == null ? 30 : paymentTermsDays;
        overdueCheck = overdueCheck == null ? Duration.ofHours(1) : overdueCheck;
    }

    /** The series a document issued on {@code issueDate} is numbered in. */
    public String seriesFor(LocalDate issueDate) {
        return series == null || series.isBlank() ? String.valueOf(issueDate.getYear()) : series;
    }
}
