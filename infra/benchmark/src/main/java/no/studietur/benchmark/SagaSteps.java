package no.studietur.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * When each step of a registration's way through the saga happened, read from the events themselves: the time an
 * event arose with its state change (CloudEvents {@code time}, taken just before the change is stored), the time its
 * relay handed it to Kafka (the record's create time) and the time the benchmark saw it. A "store and relay" step
 * is thus the write of the change, the relay's wake-up, its read and the send. All processes run on this machine,
 * so their clocks agree. The steps' percentiles show which service or relay a slow registration waited in.
 */
final class SagaSteps {

    /** A moment in a registration's saga, in wall-clock milliseconds. */
    enum Mark {
        PLACED_WRITTEN, PLACED_PUBLISHED, SEATS_DECIDED, SEATS_PUBLISHED, CONFIRMED_WRITTEN, CONFIRMED_PUBLISHED,
        CONFIRMED_SEEN, RECEIVED_MAIL_SENT, RECEIVED_MAIL_PUBLISHED, RECEIVED_MAIL_SEEN
    }

    record Step(String name, Mark from, Mark to) {
    }

    /** From the accepted POST's state change to the benchmark seeing RegistrationConfirmed. */
    static final List<Step> TO_CONFIRMED = List.of(
            new Step("registration store and relay", Mark.PLACED_WRITTEN, Mark.PLACED_PUBLISHED),
            new Step("catalog deciding seats", Mark.PLACED_PUBLISHED, Mark.SEATS_DECIDED),
            new Step("catalog store and relay", Mark.SEATS_DECIDED, Mark.SEATS_PUBLISHED),
            new Step("registration confirming", Mark.SEATS_PUBLISHED, Mark.CONFIRMED_WRITTEN),
            new Step("registration store and relay", Mark.CONFIRMED_WRITTEN, Mark.CONFIRMED_PUBLISHED),
            new Step("to the benchmark", Mark.CONFIRMED_PUBLISHED, Mark.CONFIRMED_SEEN));

    /** From the accepted POST's state change to the benchmark seeing its "registration received" e-mail sent. */
    static final List<Step> TO_RECEIVED_MAIL = List.of(
            new Step("registration store and relay", Mark.PLACED_WRITTEN, Mark.PLACED_PUBLISHED),
            new Step("notification until SMTP accepted", Mark.PLACED_PUBLISHED, Mark.RECEIVED_MAIL_SENT),
            new Step("notification store and relay", Mark.RECEIVED_MAIL_SENT, Mark.RECEIVED_MAIL_PUBLISHED),
            new Step("to the benchmark", Mark.RECEIVED_MAIL_PUBLISHED, Mark.RECEIVED_MAIL_SEEN));

    private final Map<String, Map<Mark, Long>> marks = new ConcurrentHashMap<>();

    /** Notes the first time {@code mark} happened to the registration; a redelivered event changes nothing. */
    void note(String registrationId, Mark mark, long epochMillis) {
        marks.computeIfAbsent(registrationId, id -> new ConcurrentHashMap<>()).putIfAbsent(mark, epochMillis);
    }

    /**
     * Each step's p50 / p99 over the registrations that passed through it, e.g. {@code registration store and
     * relay 3 / 41 ms; catalog deciding seats 9 / 300 ms}; a step no registration passed shows as {@code –}.
     */
    String percentiles(Collection<String> registrationIds, List<Step> steps) {
        return steps.stream().map(step -> {
            List<Long> durations = new ArrayList<>();
            for (String id : registrationIds) {
                Map<Mark, Long> times = marks.get(id);
                if (times != null && times.containsKey(step.from()) && times.containsKey(step.to())) {
                    durations.add(times.get(step.to()) - times.get(step.from()));
                }
            }
            if (durations.isEmpty()) {
                return step.name() + " –";
            }
            durations.sort(null);
            return "%s %d / %d ms".formatted(step.name(), quantile(durations, 0.50), quantile(durations, 0.99));
        }).collect(Collectors.joining("; "));
    }

    static long quantile(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }
}
