package no.studietur.registration.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.ContactPerson;
import no.studietur.contracts.common.InvoiceAddress;
import no.studietur.contracts.common.Organisation;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.registration.RegistrationWaitlisted;
import no.studietur.contracts.seat.SeatsRejected;
import no.studietur.contracts.seat.SeatsReleased;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.contracts.tour.TourCancelled;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;
import no.studietur.messaging.ReceivedEvent;
import no.studietur.registration.tour.TourReadModel;
import no.studietur.registration.tour.TourReadModels;
import no.studietur.web.InvalidFields;
import no.studietur.web.RequestRefused;
import tools.jackson.databind.json.JsonMapper;

/** Places registrations and moves them through the saga as the catalog's seat decisions arrive. */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);
    private static final JsonMapper FINGERPRINT_JSON = JsonMapper.builder().build();
    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final TourReadModels tours;
    private final OutboxRelay relay;
    private final Clock clock;
    private final UndecidedRegistrations undecided;

    RegistrationService(MongoTemplate mongo, TourReadModels tours, OutboxRelay relay, Clock clock,
                        @Value("${studietur.registration.admission.undecided-per-tour:100}") int undecidedPerTour,
                        @Value("${studietur.registration.admission.forget-after:60s}") Duration forgetAfter) {
        this.mongo = mongo;
        this.tours = tours;
        this.relay = relay;
        this.clock = clock;
        this.undecided = new UndecidedRegistrations(undecidedPerTour, forgetAfter, clock);
    }

    /**
     * Stores a valid registration as PENDING with its RegistrationPlaced event. With an idempotency key, a
     * repeated request returns the registration the first one created, and a different request under the
     * same key is refused. A tour with too many registrations still waiting for their seat decision takes no
     * more for now ({@link UndecidedRegistrations}).
     */
    public Registration place(RegistrationRequest request, String idempotencyKey, String channel, String partnerId) {
        if (idempotencyKey != null) {
            Optional<Registration> earlier = findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return sameRequestOrRefuse(earlier.get(), request);
            }
        }
        Map<String, String> invalid = new LinkedHashMap<>();
        if (!OrganisationNumbers.isValid(request.organisation().country(), request.organisation().organisationNumber())) {
            invalid.put("organisation.organisationNumber",
                    "not a valid organisation number for " + request.organisation().country());
        }
        if ("EHF".equals(request.invoice().delivery())
                && (request.invoice().buyerReference() == null || request.invoice().buyerReference().isBlank())) {
            invalid.put("invoice.buyerReference", "required for EHF: the buyer's reference (\"deres ref.\")");
        }
        if (!invalid.isEmpty()) {
            throw new InvalidFields(invalid);
        }
        String registrationId = UUID.randomUUID().toString();
        // Before the tour is read: in a rush most requests end here, and a refusal should cost little.
        if (!undecided.tryAdmit(request.tourId(), registrationId)) {
            throw RequestRefused.busy("Tour " + request.tourId() + " has " + undecided.limit() + " registrations"
                    + " waiting for their seat decision; try again after the time in Retry-After", Duration.ofSeconds(1));
        }
        try {
            return placeAdmitted(registrationId, request, idempotencyKey, channel, partnerId);
        } catch (DuplicateKeyException concurrentSameKey) {
            undecided.release(request.tourId(), registrationId);
            return sameRequestOrRefuse(findByIdempotencyKey(idempotencyKey).orElseThrow(), request);
        } catch (RuntimeException notStored) {
            undecided.release(request.tourId(), registrationId);
            throw notStored;
        }
    }

    private Registration placeAdmitted(String registrationId, RegistrationRequest request, String idempotencyKey,
                                       String channel, String partnerId) {
        TourReadModel tour = tours.findForRegistration(request.tourId()).orElseThrow(() -> new RequestRefused(
                HttpStatus.UNPROCESSABLE_CONTENT, "Unknown tour", "There is no tour " + request.tourId()));
        if (!tour.openForRegistration(clock.instant())) {
            throw new RequestRefused(HttpStatus.UNPROCESSABLE_CONTENT, "Registration closed",
                    "Tour " + request.tourId() + " does not take registrations now");
        }
        // The fingerprint is compared only when the same Idempotency-Key comes again: without a key, never.
        Registration registration = new Registration(registrationId, tour.id(),
                RegistrationStatus.PENDING, details(request, tour), channel, partnerId, tour.summary(),
                tour.tour().cancellationPolicy(), null, null, clock.instant(), null, idempotencyKey,
                idempotencyKey == null ? null : fingerprint(request), List.of(), List.of(), List.of(), 0);
        try (var logContext = MDC.putCloseable("registrationId", registration.id())) {
            Outbox.insert(mongo, registration, "registrations", clock, new RegistrationPlaced(registration.id(),
                    registration.tourId(), registration.tour(), registration.details(), channel,
                    registration.placedAt()));
            log.info("Registration placed for {} participant(s) on tour {}", registration.details().participants().size(),
                    registration.tourId());
        }
        relay.nudge("registrations", registration.id());
        return registration;
    }

    /** A partner's own registrations, newest first. */
    public List<Registration> ofPartner(String partnerId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("partnerId").is(partnerId))
                .with(Sort.by(Sort.Direction.DESC, "placedAt"))
                .skip((long) page * size).limit(size), Registration.class);
    }

    public long countOfPartner(String partnerId) {
        return mongo.count(Query.query(Criteria.where("partnerId").is(partnerId)), Registration.class);
    }

    public Optional<Registration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Registration.class));
    }

    public void seatsReserved(ReceivedEvent<SeatsReserved> event) {
        undecided.release(event.data().tourId(), event.data().registrationId());
        Instant now = clock.instant();
        transition(event.data().registrationId(), event.id(),
                Set.of(RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED), registration -> new Change(
                        new Update().set("status", RegistrationStatus.CONFIRMED).set("decidedAt", now)
                                .unset("waitlistPosition"),
                        new RegistrationConfirmed(registration.id(), registration.tourId(), registration.tour(),
                                registration.details(), registration.agreedPolicy(),
                                event.data().promotedFromWaitlist(), registration.placedAt(), now)));
    }

    public void seatsWaitlisted(ReceivedEvent<SeatsWaitlisted> event) {
        undecided.release(event.data().tourId(), event.data().registrationId());
        Instant now = clock.instant();
        transition(event.data().registrationId(), event.id(), Set.of(RegistrationStatus.PENDING),
                registration -> new Change(
                        new Update().set("status", RegistrationStatus.WAITLISTED).set("decidedAt", now)
                                .set("waitlistPosition", event.data().position()),
                        new RegistrationWaitlisted(registration.id(), registration.tourId(), registration.tour(),
                                registration.details(), event.data().position(), now)));
    }

    public void seatsRejected(ReceivedEvent<SeatsRejected> event) {
        undecided.release(event.data().tourId(), event.data().registrationId());
        transition(event.data().registrationId(), event.id(), Set.of(RegistrationStatus.PENDING),
                registration -> new Change(new Update().set("status", RegistrationStatus.REJECTED)
                        .set("decidedAt", clock.instant()).set("rejectionReason", event.data().reason())));
    }

    /** Asks the catalog to release the seats of some participants (all still coming when none are named). */
    public Registration requestCancellation(String registrationId, List<String> participantIds) {
        transition(registrationId, null, Registration.ACTIVE, registration -> {
            List<String> leaving = registration.participantsToCancel(participantIds);
            Instant requestedAt = clock.instant();
            return new Change(new Update().push("cancellationRequests",
                    new Registration.CancellationRequest(leaving, requestedAt)),
                    new CancellationRequested(registration.id(), registration.tourId(), leaving,
                            registration.cancelsEveryone(leaving), requestedAt));
        });
        return find(registrationId).orElseThrow();
    }

    /** A colleague takes a participant's place: same participant id, so the same seat and invoice line. */
    public Registration substitute(String registrationId, String participantId, RegistrationRequest.Participant colleague) {
        transition(registrationId, null, Registration.ACTIVE, registration -> {
            Participant previous = registration.participant(participantId);
            Participant replacement = new Participant(participantId, colleague.fullName().strip(), colleague.jobTitle(),
                    colleague.department(), colleague.mobile(), colleague.email(), colleague.dietaryNeeds(),
                    colleague.otherNeeds(), colleague.language() == null ? previous.language() : colleague.language());
            Instant substitutedAt = clock.instant();
            return new Change(new Update().set("details", registration.withSubstitute(participantId, replacement))
                    .push("substitutions", new Registration.Substitution(participantId, previous, replacement, substitutedAt)),
                    new ParticipantSubstituted(registration.id(), registration.tourId(), previous, replacement,
                            substitutedAt));
        });
        return find(registrationId).orElseThrow();
    }

    /** The catalog released the seats: those participants are cancelled, and the registration when none is left. */
    public void seatsReleased(ReceivedEvent<SeatsReleased> event) {
        List<String> released = event.data().participantIds();
        transition(event.data().registrationId(), event.id(), Registration.ACTIVE, registration -> {
            boolean everyone = registration.cancelsEveryone(released);
            Update update = new Update().push("cancelledParticipantIds").each(released.toArray());
            if (everyone) {
                update.set("status", RegistrationStatus.CANCELLED).unset("waitlistPosition");
            }
            return new Change(update, cancelled(registration, released, everyone, "CUSTOMER",
                    registration.requestedAt(released)));
        });
    }

    /** The operator cancelled the tour: every registration still active is cancelled, without fee. */
    public void tourCancelled(ReceivedEvent<TourCancelled> event) {
        Query activeOnTour = Query.query(Criteria.where("tourId").is(event.data().tourId()).and("status").in(Registration.ACTIVE));
        activeOnTour.fields().include("_id");
        for (Document registration : mongo.find(activeOnTour, Document.class, "registrations")) {
            transition(registration.getString("_id"), event.id(), Registration.ACTIVE, active -> {
                List<String> coming = active.details().participants().stream().map(Participant::participantId)
                        .filter(id -> !active.cancelledParticipantIds().contains(id)).toList();
                return new Change(new Update().set("status", RegistrationStatus.CANCELLED).unset("waitlistPosition")
                        .push("cancelledParticipantIds").each(coming.toArray()),
                        cancelled(active, coming, true, "TOUR_CANCELLED", event.data().cancelledAt()));
            });
        }
    }

    private RegistrationCancelled cancelled(Registration registration, List<String> participantIds, boolean everyone,
                                            String reason, Instant requestedAt) {
        return new RegistrationCancelled(registration.id(), registration.tourId(), registration.tour(),
                registration.details(), participantIds, everyone, reason, registration.agreedPolicy(),
                registration.placedAt(), requestedAt == null ? clock.instant() : requestedAt, clock.instant());
    }

    private record Change(Update update, DomainEvent... events) {
    }

    /**
     * Applies a change to a registration in one write, conditional on the version it was computed from and, for a
     * change caused by an event, on that event not having been handled yet; its id is recorded in the same write.
     */
    private void transition(String registrationId, String eventId, Set<RegistrationStatus> from,
                            Function<Registration, Change> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Registration registration = find(registrationId).orElse(null);
            if (registration == null) {
                if (eventId == null) {
                    throw RequestRefused.notFound("Registration " + registrationId);
                }
                log.warn("Event {} names unknown registration {}", eventId, registrationId);
                return;
            }
            if (!from.contains(registration.status())) {
                if (eventId == null) {
                    throw new Registration.Refused(true, "A " + registration.status() + " registration cannot change");
                }
                log.info("Registration {} is {}; event {} changes nothing", registrationId, registration.status(), eventId);
                return;
            }
            Change next = change.apply(registration);
            Update update = next.update().inc("version", 1);
            Criteria unchangedSinceRead = Criteria.where("_id").is(registrationId).and("version").is(registration.version());
            if (eventId != null) {
                Outbox.markHandled(update, eventId);
                unchangedSinceRead.andOperator(Outbox.notYetHandled(eventId));
            }
            Outbox.append(update, clock, next.events());
            Query unchanged = Query.query(unchangedSinceRead);
            if (mongo.updateFirst(unchanged, update, Registration.class).getModifiedCount() == 1) {
                relay.nudge("registrations", registrationId);
                return;
            }
        }
        throw new IllegalStateException("Registration " + registrationId + " kept changing; event " + eventId
                + " is left to the retry");
    }

    private Optional<Registration> findByIdempotencyKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)),
                Registration.class));
    }

    private static Registration sameRequestOrRefuse(Registration earlier, RegistrationRequest request) {
        if (!earlier.requestFingerprint().equals(fingerprint(request))) {
            throw new RequestRefused(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request");
        }
        return earlier;
    }

    private static RegistrationDetails details(RegistrationRequest request, TourReadModel tour) {
        var organisation = request.organisation();
        var contact = request.contact();
        var invoice = request.invoice();
        String defaultLanguage = tour.summary().language();
        List<Participant> participants = request.participants().stream().map(participant -> new Participant(
                UUID.randomUUID().toString(), participant.fullName().strip(), participant.jobTitle(),
                participant.department(), participant.mobile(), participant.email(), participant.dietaryNeeds(),
                participant.otherNeeds(), participant.language() == null ? defaultLanguage : participant.language()))
                .toList();
        return new RegistrationDetails(
                new Organisation(organisation.name().strip(), organisation.organisationNumber().replace(" ", ""),
                        organisation.country()),
                new ContactPerson(contact.name().strip(), contact.email(), contact.phone()),
                new InvoiceAddress(invoice.street(), invoice.postcode(), invoice.town(), invoice.country(),
                        invoice.buyerReference(), invoice.delivery() == null ? "EMAIL_PDF" : invoice.delivery(),
                        invoice.email() == null ? contact.email() : invoice.email()),
                participants, request.heardAbout());
    }

    private static String fingerprint(RegistrationRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(FINGERPRINT_JSON.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
