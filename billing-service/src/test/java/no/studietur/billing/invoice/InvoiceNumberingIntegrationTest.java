package no.studietur.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.studietur.billing.BillingApplication;
import no.studietur.billing.BillingSamples;
import no.studietur.billing.numbering.GaplessSeries;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.testsupport.StoreCommands;
import no.studietur.testsupport.TestInfrastructure;

/** Invoice numbers under concurrent confirmations and a crash between taking a number and writing the invoice. */
@SpringBootTest(classes = {BillingApplication.class, StoreCommands.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + BillingApplication.CONFIG_NAME)
class InvoiceNumberingIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "billing");
    }

    @Autowired
    InvoiceService invoices;
    @Autowired
    GaplessSeries numbers;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BillingProperties properties;

    @Test
    void concurrentAndRepeatedConfirmationsGetOneInvoiceEachAndTheSeriesHasNoGap() throws Exception {
        List<RegistrationConfirmed> confirmations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            confirmations.add(BillingSamples.confirmation());
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (RegistrationConfirmed confirmed : confirmations) {
                for (int delivery = 0; delivery < 3; delivery++) {
                    done.add(threads.submit(() -> invoices.issueFor(confirmed)));
                }
            }
            for (Future<?> each : done) {
                each.get();
            }
        }

        for (RegistrationConfirmed confirmed : confirmations) {
            assertThat(mongo.count(Query.query(Criteria.where("registrationId").is(confirmed.registrationId())),
                    Invoice.class)).isEqualTo(1);
        }
        assertSeriesHasNoGap();
    }

    @Test
    void aNumberTakenByAProcessThatDiedBeforeWritingTheInvoiceIsWrittenByTheNextOne() {
        RegistrationConfirmed orphan = BillingSamples.confirmation();
        RegistrationConfirmed next = BillingSamples.confirmation();
        long orphanNumber = takeANumberAndDie(orphan);

        invoices.issueFor(next);

        assertThat(invoiceOf(orphan).invoiceNumber()).isEqualTo(numbered(orphanNumber));
        assertThat(invoiceOf(next).invoiceNumber()).isEqualTo(numbered(orphanNumber + 1));
        invoices.completePendingDocuments();
        assertThat(List.of(orphan, next)).allSatisfy(confirmed -> assertThat(mongo.count(Query.query(
                Criteria.where("registrationId").is(confirmed.registrationId())), Invoice.class)).isEqualTo(1));
        assertSeriesHasNoGap();
    }

    /** The draft stays in the series until the next number replaces it: clearing it would be a second write. */
    @Test
    void eachInvoiceWritesItsSeriesOnce() {
        invoices.issueFor(BillingSamples.confirmation());
        long before = seriesWrites();

        for (int i = 0; i < 3; i++) {
            invoices.issueFor(BillingSamples.confirmation());
        }

        assertThat(seriesWrites() - before).isEqualTo(3);
        assertSeriesHasNoGap();
    }

    private static long seriesWrites() {
        return StoreCommands.count(command -> command.collection().equals("numberSeries")
                && !command.name().equals("find"));
    }

    @Test
    void aPendingNumberIsAlsoCompletedWithoutWaitingForTheNextInvoice() {
        RegistrationConfirmed orphan = BillingSamples.confirmation();
        long orphanNumber = takeANumberAndDie(orphan);

        invoices.completePendingDocuments();

        assertThat(invoiceOf(orphan).invoiceNumber()).isEqualTo(numbered(orphanNumber));
        assertSeriesHasNoGap();
    }

    /** Takes the next invoice number for the registration and fails before writing the invoice, as a kill would. */
    private long takeANumberAndDie(RegistrationConfirmed orphan) {
        String series = "invoice-" + currentSeries();
        assertThatThrownBy(() -> numbers.issue(series, Invoice.class, () -> false,
                number -> Invoice.issue(UUID.randomUUID().toString(), numbered(number), orphan,
                        BillingSamples.SELLER, today(), 30),
                draft -> {
                    throw new IllegalStateException("killed between taking the number and writing the invoice");
                })).isInstanceOf(IllegalStateException.class).hasMessageContaining("killed");
        return numbers.last(series);
    }

    private String numbered(long number) {
        return "%s-%06d".formatted(currentSeries(), number);
    }

    private Invoice invoiceOf(RegistrationConfirmed confirmed) {
        return mongo.findOne(Query.query(Criteria.where("registrationId").is(confirmed.registrationId())),
                Invoice.class);
    }

    private void assertSeriesHasNoGap() {
        String prefix = currentSeries() + "-";
        List<Long> used = new ArrayList<>(mongo.find(Query.query(Criteria.where("invoiceNumber").regex("^" + prefix)),
                Invoice.class).stream().map(invoice -> Long.parseLong(invoice.invoiceNumber().substring(prefix.length())))
                .toList());
        mongo.findAll(Document.class, "voidedNumbers").stream().map(voided -> voided.getString("_id"))
                .filter(number -> number.startsWith(prefix))
                .forEach(number -> used.add(Long.parseLong(number.substring(prefix.length()))));
        long last = numbers.last("invoice-" + currentSeries());
        assertThat(used).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    }

    private String currentSeries() {
        return properties.seriesFor(today());
    }

    private static LocalDate today() {
        return LocalDate.now(InvoiceService.BOOKKEEPING_ZONE);
    }
}
