package no.studietur.contracts.common;

import java.util.List;

/** What a registration says about who comes and who pays, carried in registration events. */
public record RegistrationDetails(Organisation organisation, ContactPerson contact, InvoiceAddress invoice,
                                  List<Participant> participants, String heardAbout) {

    public RegistrationDetails {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
