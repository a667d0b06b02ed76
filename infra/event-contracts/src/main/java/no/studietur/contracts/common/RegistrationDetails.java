package no.studietur.contracts.common;

import java.util.List;

/** What a registration says about who comes and who pays, carried in registration events. */
public record RegistrationDetails(Organisation organisation, ContactPerson contact, InvoiceAddress invoice,
                                  List<Participant> participants, String heardAbout) {

    public RegistrationDetails {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** The same details with a colleague in the place of participant {@code participantId}. */
    public RegistrationDetails replacing(String participantId, Participant colleague) {
        return new RegistrationDetails(organisation, contact, invoice, participants.stream()
                .map(participant -> participant.participantId().equals(participantId) ? colleague : participant)
                .toList(), heardAbout);
    }
}
