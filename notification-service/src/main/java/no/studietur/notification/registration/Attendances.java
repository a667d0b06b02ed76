package no.studietur.notification.registration;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;

/**
 * Keeps the confirmed registrations from the registration events. The events of one registration arrive in
 * order (same tour, same partition) and every change is idempotent, so plain updates suffice.
 */
@Component
public class Attendances {

    private final MongoTemplate mongo;

    Attendances(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void confirmed(RegistrationConfirmed confirmed) {
        mongo.upsert(byId(confirmed.registrationId()), new Update().set("tourId", confirmed.tourId())
                .set("tour", confirmed.tour()).set("details", confirmed.details())
                .set("agreedPolicy", confirmed.agreedPolicy()).set("startDate", confirmed.tour().startDate())
                .set("active", true).setOnInsert("cancelledParticipantIds", List.of())
                .setOnInsert("reminded", false), Attendance.class);
    }

    public void cancelled(RegistrationCancelled cancelled) {
        Update update = new Update().addToSet("cancelledParticipantIds").each(cancelled.cancelledParticipantIds().toArray());
        if (cancelled.wholeRegistration()) {
            update.set("active", false);
        }
        mongo.updateFirst(byId(cancelled.registrationId()), update, Attendance.class);
    }

    public void substituted(ParticipantSubstituted substituted) {
        Attendance attendance = mongo.findOne(byId(substituted.registrationId()), Attendance.class);
        if (attendance == null) {
            return;
        }
        mongo.updateFirst(byId(substituted.registrationId()), Update.update("details", attendance.details()
                .replacing(substituted.previous().participantId(), substituted.replacement())), Attendance.class);
    }

    public Optional<Attendance> find(String registrationId) {
        return Optional.ofNullable(mongo.findOne(byId(registrationId), Attendance.class));
    }

    /** Active registrations on tours that start between the two dates, not yet reminded. */
    public List<Attendance> dueForReminder(LocalDate from, LocalDate to) {
        return mongo.find(Query.query(Criteria.where("active").is(true).and("reminded").is(false)
                .and("startDate").gte(from).lte(to)), Attendance.class);
    }

    public void reminded(String registrationId) {
        mongo.updateFirst(byId(registrationId), Update.update("reminded", true), Attendance.class);
    }

    private static Query byId(String registrationId) {
        return Query.query(Criteria.where("_id").is(registrationId));
    }
}
