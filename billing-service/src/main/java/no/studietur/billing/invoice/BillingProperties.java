package no.studietur.billing.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param series           the invoice number series, e.g. the year: numbers are {@code series-000001}
 * @param paymentTermsDays days from issue to due date
 */
@ConfigurationProperties("studietur.billing")
public record BillingProperties(String series, Integer paymentTermsDays) {

    public BillingProperties {
        series = series == null ? "1" : series;
        paymentTermsDays = paymentTermsDays == null ? 30 : paymentTermsDays;
    }
}
