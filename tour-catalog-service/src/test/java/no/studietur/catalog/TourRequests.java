package no.studietur.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** Tour requests as an operator's client sends them. */
final class TourRequests {

    private TourRequests() {
    }

    static String tour(String id, String kind, LocalDate start, Instant deadline, int capacity, String theme) {
        return """
                {"id":"%s","kind":"%s","title":"Velferdsteknologi i Odense","summary":"To dager om velferdsteknologi",
                 "description":"Besøk hos kommunens hjemmepleie.","targetAudience":"Ledere i eldreomsorgen",
                 "destination":{"place":"Odense","municipality":"Odense Kommune","country":"DK"},
                 "timeZone":"Europe/Copenhagen","startDate":"%s","endDate":"%s",
                 "program":[{"day":"%s","start":"09:00","end":"12:00","kind":"VISIT","title":"Hjemmeplejen",
                             "venue":{"name":"Rådhuset","address":"Odense"},"host":"Odense Kommune",
                             "speakers":[{"name":"Leder","role":"Hjemmeplejen"}],"topics":["Skjermbesøk"],"caseNumber":1}],
                 "tourLeader":"Reiseleder","pricePerParticipant":{"amount":"8900.00","currency":"NOK"},
                 "vat":{"category":"Z","ratePercent":"0"},"includes":["Lunsj"],"excludes":["Fly"],
                 "recommendedTravel":[],"capacity":%d,"minimumParticipants":1,"registrationDeadline":"%s",
                 "cancellationPolicy":{"tiers":[{"fromDaysBeforeStart":null,"feePercent":50},
                                                {"fromDaysBeforeStart":15,"feePercent":100}],"substitutionAllowed":true},
                 "languages":["nb"],"themes":["%s"]}""".formatted(id, kind, start, start.plusDays(1), start, capacity,
                deadline, theme);
    }
}
