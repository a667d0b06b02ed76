package no.studietur.notification.registration;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;

/**
 * A confirmed registration as notification needs it later, for the reminder before the start: who is still
 * coming (substitutes included, cancelled participants left out). {@code startDate} is indexed for the daily
 * reminder query.
 */
@Document("attendances")
public record Attendance(@Id String registrationId, String tourId, TourSummary tour, RegistrationDetails details,
                         CancellationPolicy agreedPolicy, List<String> cancelledParticipantIds,
                         @Indexed LocalDate startDate, boolean active, boolean reminded) {

    public Attendance {
        cancelledParticipantIds = cancelledParticipantIds == null ? List.of() : List.copyOf(cancelledParticipantIds);
    }

    public List<Participant> coming() {
        return details.participants().stream()
                .filter(participant -> !cancelledParticipantIds.contains(participant.participantId())).toList();
    }
}
