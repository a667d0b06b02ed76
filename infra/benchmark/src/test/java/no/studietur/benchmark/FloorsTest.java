package no.studietur.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import no.studietur.benchmark.Floors.Floor;
import no.studietur.benchmark.Floors.Operation;

class FloorsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aFloorIsTheCpuOfItsProcessesPerOperation() {
        Floor floor = new Floor(2_000, Duration.ofSeconds(4), 1_000);

        assertThat(floor.perSecond()).isEqualTo(500);
        assertThat(floor.cpuMillisEach()).isEqualTo(0.5);
    }

    @Test
    void theCeilingIsTheCoresOverTheSagasOperationsAtTheirFloorsCost() {
        Floors floors = new Floors(Map.of(), 16);
        floors.record(Operation.POST, new Floor(1_000, SECOND, 500));
        floors.record(Operation.STORE_UPDATE, new Floor(1_000, SECOND, 1_000));
        floors.record(Operation.INVOICE_PDF, new Floor(100, SECOND, 800));
        Map<Operation, Double> perRegistration = new EnumMap<>(Operation.class);
        perRegistration.put(Operation.POST, 1.0);
        perRegistration.put(Operation.STORE_UPDATE, 4.0);
        perRegistration.put(Operation.INVOICE_PDF, 0.5);

        // 0.5 + 4 × 1 + 0.5 × 8 = 8.5 ms: two cores carry 2 000 / 8.5 = 235 a second
        assertThat(floors.ceiling(perRegistration, 85, 2)).isEqualTo("8.5 ms of CPU per registration (POST 1.0 × "
                + "0.500 = 0.50, store update 4.0 × 1.000 = 4.00, invoice PDF 0.5 × 8.000 = 4.00): at most 235 "
                + "registrations/s on 2 cores; measured 85 ms, 10.0 × this floor");
    }

    @Test
    void anOperationWithoutItsFloorIsNamedNotLeftOutQuietly() {
        Floors floors = new Floors(Map.of(), 16);
        floors.record(Operation.POST, new Floor(1_000, SECOND, 500));

        assertThat(floors.ceiling(Map.of(Operation.EMAIL, 4.0), 80, 2)).contains("e-mail 4.0 × not measured");
        assertThat(floors.ceiling(Map.of(), 80, 2)).isEqualTo("nothing was accepted");
    }

    @Test
    void aRegistrationsOperationsAreCountedFromTheStoreKafkaAndTheEMailsOfTheLoad() {
        StoreLoad store = StoreLoad.of(new Document("note", "all times in microseconds")
                .append("registration.registrations", new Document("insert", tally(100)).append("queries", tally(250))
                        .append("total", tally(350)))
                .append("notification.messages", new Document("update", tally(300)).append("remove", tally(10))
                        .append("getmore", tally(50)).append("commands", tally(7)).append("total", tally(367))));

        Map<Operation, Double> operations = Benchmark.operationsPerRegistration(store, new KafkaRecords(900, 1_600),
                320, 80, 100);

        assertThat(operations).containsExactly(Map.entry(Operation.POST, 1.0), Map.entry(Operation.STORE_INSERT, 1.0),
                Map.entry(Operation.STORE_UPDATE, 3.1), Map.entry(Operation.STORE_READ, 3.0),
                Map.entry(Operation.RECORD_PRODUCED, 9.0), Map.entry(Operation.RECORD_CONSUMED, 16.0),
                Map.entry(Operation.EMAIL, 3.2), Map.entry(Operation.INVOICE_PDF, 0.8));
    }

    @Test
    void recordsAreCountedBetweenTwoReadings() {
        assertThat(new KafkaRecords(1_500, 4_000).since(new KafkaRecords(500, 1_000)))
                .isEqualTo(new KafkaRecords(1_000, 3_000));
    }

    private static Document tally(long count) {
        return new Document("time", count * 100).append("count", count);
    }
}
