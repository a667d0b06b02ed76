package no.studietur.contracts.tour;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** One timed item of a tour's program, as the web pages and e-mails show it; speakers as "name, role". */
public record ProgramItem(LocalDate day, LocalTime start, LocalTime end, String kind, String title, String venueName,
                          String venueAddress, String host, List<String> speakers, List<String> topics) {

    public ProgramItem {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
