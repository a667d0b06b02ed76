package no.studietur.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.CancellationTier;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.RegistrationDetails;

class RegistrationLifecycleTest {

    private static final Instant MONDAY = Instant.parse("2027-03-01T10:00:00Z");
    private static final Participant OLA = participant("p-ola", "Ola");
    private static final Participant KARI = participant("p-kari", "Kari");

    private static Participant participant(String id, String name) {
        return new Participant(id, name, null, null, null, name.toLowerCase() + "@example.no", null, null, "nb");
    }

    private static Registration registration(RegistrationStatus status, boolean substitutionAllowed,
                                             List<Registration.CancellationRequest> requests, List<String> cancelled) {
        return new Registration("r-1", "t-1", status, new RegistrationDetails(null, null, null, List.of(OLA, KARI), null),
                "API", null, null, new CancellationPolicy(List.of(new CancellationTier(null, 50)), substitutionAllowed), null,
                null, MONDAY, MONDAY, null, null, requests, cancelled, List.of(), 3);
    }

    @Test
    void cancellingWithoutNamesCancelsEveryoneStillComing() {
        var confirmed = registration(RegistrationStatus.CONFIRMED, true, List.of(), List.of());
        assertThat(confirmed.participantsToCancel(List.of())).containsExactly("p-ola", "p-kari");
        assertThat(confirmed.cancelsEveryone(List.of("p-ola", "p-kari"))).isTrue();
        assertThat(confirmed.cancelsEveryone(List.of("p-ola"))).isFalse();
    }

    @Test
    void cancellingSomeoneAlreadyLeavingOrUnknownIsRefused() {
        var ola = registration(RegistrationStatus.CONFIRMED, true,
                List.of(new Registration.CancellationRequest(List.of("p-ola"), MONDAY)), List.of());
        assertThat(ola.participantsToCancel(List.of())).containsExactly("p-kari");
        assertThat(ola.requestedAt(List.of("p-ola"))).isEqualTo(MONDAY);
        assertThatThrownBy(() -> ola.participantsToCancel(List.of("p-ola")))
                .isInstanceOfSatisfying(Registration.Refused.class, refused -> assertThat(refused.conflict()).isFalse());
        assertThatThrownBy(() -> ola.participantsToCancel(List.of("stranger"))).isInstanceOf(Registration.Refused.class);
        var bothLeaving = registration(RegistrationStatus.CONFIRMED, true,
                List.of(new Registration.CancellationRequest(List.of("p-ola", "p-kari"), MONDAY)), List.of());
        assertThatThrownBy(() -> bothLeaving.participantsToCancel(List.of()))
                .isInstanceOfSatisfying(Registration.Refused.class, refused -> assertThat(refused.conflict()).isTrue());
    }

    @Test
    void aCancelledOrRejectedRegistrationCannotBeCancelledOrChanged() {
        for (RegistrationStatus status : List.of(RegistrationStatus.CANCELLED, RegistrationStatus.REJECTED)) {
            var ended = registration(status, true, List.of(), List.of());
            assertThatThrownBy(() -> ended.participantsToCancel(List.of())).isInstanceOf(Registration.Refused.class);
            assertThatThrownBy(() -> ended.withSubstitute("p-ola", participant("p-ola", "Per")))
                    .isInstanceOf(Registration.Refused.class);
        }
    }

    @Test
    void aColleagueTakesTheSameSeatWhenThePolicyAllowsIt() {
        var confirmed = registration(RegistrationStatus.CONFIRMED, true, List.of(), List.of());
        var details = confirmed.withSubstitute("p-ola", participant("p-ola", "Per"));
        assertThat(details.participants()).extracting(Participant::fullName).containsExactly("Per", "Kari");

        var strict = registration(RegistrationStatus.CONFIRMED, false, List.of(), List.of());
        assertThatThrownBy(() -> strict.withSubstitute("p-ola", participant("p-ola", "Per")))
                .isInstanceOfSatisfying(Registration.Refused.class, refused -> assertThat(refused.conflict()).isTrue());
        var cancelledOla = registration(RegistrationStatus.CONFIRMED, true, List.of(), List.of("p-ola"));
        assertThatThrownBy(() -> cancelledOla.withSubstitute("p-ola", participant("p-ola", "Per")))
                .isInstanceOf(Registration.Refused.class);
    }
}
