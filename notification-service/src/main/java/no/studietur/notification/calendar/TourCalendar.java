package no.studietur.notification.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.tour.ProgramItem;
import no.studietur.contracts.tour.TourSnapshot;

/**
 * The tour as an iCalendar file for the participant's calendar, built with ical4j: one all-day event for the
 * whole tour and one timed event per program item. Times are written in UTC (converted from the tour's time
 * zone), which every calendar program imports without a VTIMEZONE block. UIDs are stable per registration, so
 * a later file (a reminder, a substitution) updates the events instead of duplicating them.
 */
public final class TourCalendar {

    private static final String PRODUCT = "-//Studietur//Studietur back office//NO";

    private TourCalendar() {
    }

    public static String of(String registrationId, TourSummary tour, TourSnapshot details, String organizerEmail) {
        ZoneId zone = ZoneId.of(tour.timeZone());
        List<VEvent> events = new ArrayList<>();
        VEvent wholeTour = new VEvent(tour.startDate(), tour.endDate().plusDays(1), tour.title());
        wholeTour.add(new Uid(registrationId + "-tour@studietur"));
        wholeTour.add(new Location(tour.place() + ", " + tour.country()));
        if (details != null && details.summary() != null) {
            wholeTour.add(new Description(details.summary()));
        }
        events.add(wholeTour);
        if (details != null) {
            int number = 1;
            for (ProgramItem item : details.program()) {
                if (item.start() == null) {
                    continue;
                }
                var start = item.day().atTime(item.start()).atZone(zone).toInstant();
                var end = item.day().atTime(item.end() == null ? item.start().plusHours(1) : item.end())
                        .atZone(zone).toInstant();
                VEvent event = new VEvent(start, end, item.title());
                event.add(new Uid(registrationId + "-item-" + number++ + "@studietur"));
                String where = join(item.venueName(), item.venueAddress());
                if (!where.isEmpty()) {
                    event.add(new Location(where));
                }
                String who = join(item.host(), String.join("; ", item.speakers()));
                if (!who.isEmpty()) {
                    event.add(new Description(who));
                }
                events.add(event);
            }
        }
        var calendar = new Calendar().withProdId(PRODUCT).withDefaults().withProperty(ImmutableMethod.PUBLISH);
        // A published event names its organiser (RFC 5546): replies go to Studietur.
        URI organizer = URI.create("mailto:" + organizerEmail);
        events.forEach(event -> calendar.withComponent(event.add(new Organizer(organizer))));
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter().output(calendar.getFluentTarget(), ics);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return ics.toString();
    }

    private static String join(String first, String second) {
        return String.join(", ", Stream.of(first, second)
                .filter(part -> part != null && !part.isBlank()).toList());
    }
}
