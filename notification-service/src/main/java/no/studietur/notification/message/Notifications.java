package no.studietur.notification.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.billing.InvoiceOverdue;
import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.registration.RegistrationWaitlisted;
import no.studietur.contracts.tour.TourSnapshot;
import no.studietur.documents.PdfDocuments;
import no.studietur.messaging.ReceivedEvent;
import no.studietur.notification.calendar.TourCalendar;
import no.studietur.notification.registration.Attendance;
import no.studietur.notification.registration.Attendances;
import no.studietur.notification.tour.TourPrograms;

/**
 * Who gets which e-mail for which event, in which language: the participant's own choice, else the tour's
 * language. Everything is recorded as intents first ({@link Messages}); nothing is sent on the consumer's thread.
 */
@Component
public class Notifications {

    private static final String ICS = "text/calendar; charset=UTF-8; method=PUBLISH";
    private static final String FALLBACK_LANGUAGE = "nb";

    private final Messages messages;
    private final MessageComposer composer;
    private final TourPrograms tours;
    private final Attendances attendances;
    private final Clock clock;
    private final int reminderDaysBefore;
    private final String organizerEmail;

    Notifications(Messages messages, MessageComposer composer, TourPrograms tours, Attendances attendances,
                  Clock clock, @Value("${studietur.notification.reminder-days-before:7}") int reminderDaysBefore,
                  @Value("${studietur.notification.from}") String from) throws AddressException {
        this.organizerEmail = new InternetAddress(from, false).getAddress();
        this.messages = messages;
        this.composer = composer;
        this.tours = tours;
        this.attendances = attendances;
        this.clock = clock;
        this.reminderDaysBefore = reminderDaysBefore;
    }

    /**
     * The messages of one occasion, built up and then recorded together. It looks the tour's program up once and
     * builds the calendar file once, however many recipients get them.
     */
    private final class Batch {
        private final String causeId;
        private final String registrationId;
        private final String tourId;
        private final TourSummary tour;
        private final TourSnapshot program;
        private final Map<String, Object> common = new HashMap<>();
        private final List<Messages.Intent> intents = new ArrayList<>();
        private MessageContent.Attachment calendar;

        /** {@code tour} may be null for events that carry no tour summary; the program then names the tour. */
        Batch(String causeId, String registrationId, String tourId, TourSummary tour) {
            this.causeId = causeId;
            this.registrationId = registrationId;
            this.tourId = tourId;
            this.tour = tour;
            this.program = tours.find(tourId).orElse(null);
            common.put("registrationId", registrationId);
            common.put("tour", tour);
            common.put("tourTitle", tour != null ? tour.title() : program != null ? program.title() : tourId);
            common.put("program", program);
        }

        Batch with(String name, Object value) {
            common.put(name, value);
            return this;
        }

        /** The tour's language, for the contact person and the invoice address. */
        String tourLanguage() {
            if (tour != null && tour.language() != null) {
                return tour.language();
            }
            return program != null && !program.languages().isEmpty() ? program.languages().getFirst()
                    : FALLBACK_LANGUAGE;
        }

        /** A participant's own language, else the tour's. */
        String languageOf(Participant participant) {
            return participant.language() != null ? participant.language() : tourLanguage();
        }

        /** The tour and its program as an .ics file; the same for every recipient of the occasion. */
        List<MessageContent.Attachment> calendar() {
            if (calendar == null) {
                calendar = new MessageContent.Attachment("studietur.ics", ICS, TourCalendar.of(registrationId, tour,
                        program, organizerEmail).getBytes(StandardCharsets.UTF_8));
            }
            return List.of(calendar);
        }

        Batch to(String kind, String template, String recipient, String recipientName, String language,
                 Map<String, Object> personal, List<MessageContent.Attachment> attachments) {
            if (recipient == null || recipient.isBlank()) {
                return this;
            }
            Map<String, Object> variables = new HashMap<>(common);
            variables.putAll(personal);
            variables.put("recipientName", recipientName);
            intents.add(new Messages.Intent(causeId, registrationId, tourId, kind, recipient, language,
                    composer.render(kind, template, language, variables), attachments));
            return this;
        }

        void record() {
            messages.record(intents);
        }
    }

    public void registrationPlaced(ReceivedEvent<RegistrationPlaced> event) {
        RegistrationPlaced placed = event.data();
        Batch batch = new Batch(event.id(), placed.registrationId(), placed.tourId(), placed.tour())
                .with("details", placed.details());
        batch.to("registration-received", "registration-received", placed.details().contact().email(),
                placed.details().contact().name(), batch.tourLanguage(), Map.of(), List.of()).record();
    }

    /** Confirmed at once or promoted from the waiting list: the contact gets the overview, everyone their place. */
    public void registrationConfirmed(ReceivedEvent<RegistrationConfirmed> event) {
        RegistrationConfirmed confirmed = event.data();
        attendances.confirmed(confirmed);
        String occasion = confirmed.promotedFromWaitlist() ? "promoted" : "registration-confirmed";
        TourSummary tour = confirmed.tour();
        Batch batch = new Batch(event.id(), confirmed.registrationId(), confirmed.tourId(), tour)
                .with("details", confirmed.details()).with("policy", confirmed.agreedPolicy())
                .with("promoted", confirmed.promotedFromWaitlist())
                .with("total", tour.pricePerParticipant().times(confirmed.details().participants().size()));
        batch.to(occasion + "-contact", "registration-confirmed-contact", confirmed.details().contact().email(),
                confirmed.details().contact().name(), batch.tourLanguage(), Map.of(), List.of());
        for (Participant participant : confirmed.details().participants()) {
            batch.to(occasion + "-participant", "registration-confirmed-participant", participant.email(),
                    participant.fullName(), batch.languageOf(participant), Map.of("participant", participant),
                    batch.calendar());
        }
        batch.record();
    }

    public void registrationWaitlisted(ReceivedEvent<RegistrationWaitlisted> event) {
        RegistrationWaitlisted waitlisted = event.data();
        Batch batch = new Batch(event.id(), waitlisted.registrationId(), waitlisted.tourId(), waitlisted.tour())
                .with("details", waitlisted.details()).with("position", waitlisted.position());
        batch.to("registration-waitlisted", "registration-waitlisted", waitlisted.details().contact().email(),
                waitlisted.details().contact().name(), batch.tourLanguage(), Map.of(), List.of());
        for (Participant participant : waitlisted.details().participants()) {
            batch.to("registration-waitlisted", "registration-waitlisted", participant.email(),
                    participant.fullName(), batch.languageOf(participant), Map.of(), List.of());
        }
        batch.record();
    }

    /** A customer's cancellation with the fee it costs (as billing charges it), or the operator's cancellation. */
    public void registrationCancelled(ReceivedEvent<RegistrationCancelled> event) {
        RegistrationCancelled cancelled = event.data();
        attendances.cancelled(cancelled);
        TourSummary tour = cancelled.tour();
        boolean tourCancelled = "TOUR_CANCELLED".equals(cancelled.reason());
        String kind = tourCancelled ? "tour-cancelled" : "cancellation-confirmed";
        List<Participant> leaving = cancelled.details().participants().stream()
                .filter(participant -> cancelled.cancelledParticipantIds().contains(participant.participantId()))
                .toList();
        int feePercent = tourCancelled || cancelled.agreedPolicy() == null ? 0 : cancelled.agreedPolicy()
                .feePercent(cancelled.requestedAt(), tour.startDate(), ZoneId.of(tour.timeZone()));
        Batch batch = new Batch(event.id(), cancelled.registrationId(), cancelled.tourId(), tour)
                .with("details", cancelled.details()).with("cancelled", leaving).with("feePercent", feePercent)
                .with("fee", CancellationPolicy.feeOf(tour.pricePerParticipant(), feePercent).times(leaving.size()))
                .with("wholeRegistration", cancelled.wholeRegistration());
        batch.to(kind, kind, cancelled.details().contact().email(), cancelled.details().contact().name(),
                batch.tourLanguage(), Map.of(), List.of());
        for (Participant participant : leaving) {
            batch.to(kind, kind, participant.email(), participant.fullName(), batch.languageOf(participant),
                    Map.of("participant", participant), List.of());
        }
        batch.record();
    }

    /** The colleague gets the participant's confirmation; the contact person hears who now travels. */
    public void participantSubstituted(ReceivedEvent<ParticipantSubstituted> event) {
        ParticipantSubstituted substituted = event.data();
        attendances.substituted(substituted);
        Optional<Attendance> attendance = attendances.find(substituted.registrationId());
        if (attendance.isEmpty()) {
            return;
        }
        Participant colleague = substituted.replacement();
        Batch batch = new Batch(event.id(), substituted.registrationId(), substituted.tourId(), attendance.get().tour())
                .with("details", attendance.get().details()).with("policy", attendance.get().agreedPolicy())
                .with("previous", substituted.previous()).with("replacement", colleague).with("substitute", true);
        batch.to("substitute-participant", "registration-confirmed-participant", colleague.email(),
                        colleague.fullName(), batch.languageOf(colleague), Map.of("participant", colleague),
                        batch.calendar())
                .to("substitution-contact", "substitution-contact", attendance.get().details().contact().email(),
                        attendance.get().details().contact().name(), batch.tourLanguage(), Map.of(), List.of())
                .record();
    }

    /** The invoice, with its PDF, to the address the buyer gave for invoices. */
    public void invoiceIssued(ReceivedEvent<InvoiceIssued> event) {
        InvoiceIssued invoice = event.data();
        MessageContent.Attachment pdf = new MessageContent.Attachment("Faktura-" + invoice.invoiceNumber() + ".pdf",
                "application/pdf", PdfDocuments.invoice(invoice));
        Batch batch = new Batch(event.id(), invoice.registrationId(), invoice.tourId(), invoice.tour())
                .with("invoice", invoice);
        batch.to("invoice-issued", "invoice-issued", invoice.buyer().address().email(),
                invoice.buyer().organisation().name(), batch.tourLanguage(), Map.of(), List.of(pdf)).record();
    }

    /** A friendly reminder to the invoice address when an invoice is past its due date. */
    public void invoiceOverdue(ReceivedEvent<InvoiceOverdue> event) {
        InvoiceOverdue overdue = event.data();
        Batch batch = new Batch(event.id(), overdue.registrationId(), overdue.tourId(), null)
                .with("overdue", overdue);
        batch.to("payment-reminder", "payment-reminder", overdue.buyer().address().email(),
                overdue.buyer().organisation().name(), batch.tourLanguage(), Map.of(), List.of()).record();
    }

    /**
     * A reminder to everyone still coming, {@code reminder-days-before} days before the start (or at once for a
     * registration confirmed later than that). Its id comes from the registration, so it goes out once.
     */
    @Scheduled(fixedDelayString = "${studietur.notification.reminder-check:PT1H}", initialDelayString = "PT20S")
    public void sendReminders() {
        LocalDate today = LocalDate.now(clock);
        for (Attendance attendance : attendances.dueForReminder(today, today.plusDays(reminderDaysBefore))) {
            Batch batch = new Batch("reminder:" + attendance.registrationId(), attendance.registrationId(),
                    attendance.tourId(), attendance.tour()).with("details", attendance.details());
            batch.to("tour-reminder", "tour-reminder", attendance.details().contact().email(),
                    attendance.details().contact().name(), batch.tourLanguage(), Map.of("contact", true), List.of());
            for (Participant participant : attendance.coming()) {
                batch.to("tour-reminder", "tour-reminder", participant.email(), participant.fullName(),
                        batch.languageOf(participant), Map.of("participant", participant, "contact", false),
                        batch.calendar());
            }
            batch.record();
            attendances.reminded(attendance.registrationId());
        }
    }
}
