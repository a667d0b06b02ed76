package no.studietur.catalog.tour;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import no.studietur.catalog.seat.SeatCount;
import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.VatTreatment;
import no.studietur.web.InvalidFields;

/** A tour as an operator creates or edits it. Seats and status are not part of it: they have their own calls. */
public record TourRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,80}", message = "lower-case letters, digits and dashes") String id,
        @NotNull TourKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 500) String summary,
        @Size(max = 10_000) String description,
        @Size(max = 500) String targetAudience,
        @NotNull @Valid Program.Destination destination,
        @NotBlank String timeZone,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Size(max = 200) List<Program.@NotNull @Valid Item> program,
        @Size(max = 200) String tourLeader,
        @NotNull @Valid Price pricePerParticipant,
        @NotNull @Valid Vat vat,
        @Size(max = 50) List<@NotBlank String> includes,
        @Size(max = 50) List<@NotBlank String> excludes,
        @Size(max = 20) List<Program.@NotNull TravelSuggestion> recommendedTravel,
        @Min(1) @Max(10_000) int capacity,
        @Min(0) int minimumParticipants,
        @NotNull Instant registrationDeadline,
        @NotNull CancellationPolicy cancellationPolicy,
        @NotEmpty List<@Pattern(regexp = "nb|nn|sv|da|en", message = "must be one of nb, nn, sv, da, en") String> languages,
        @Size(max = 20) List<@NotBlank String> themes) {

    public record Price(@NotNull @DecimalMin(value = "0.00") BigDecimal amount,
                        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as NOK") String currency) {
    }

    public record Vat(@NotNull @Pattern(regexp = "S|Z|E|AE|K|G|O", message = "a UNCL5305 category") String category,
                      @NotNull @DecimalMin("0") BigDecimal ratePercent, String exemptionReason) {
    }

    /** The tour this request describes; checks what the annotations cannot, naming each bad field. */
    public Tour toTour() {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            errors.put("timeZone", "not a time zone such as Europe/Oslo");
        }
        if (endDate.isBefore(startDate)) {
            errors.put("endDate", "before the start date");
        }
        if (errors.isEmpty() && !registrationDeadline.isBefore(startDate.atStartOfDay(ZoneId.of(timeZone)).toInstant())) {
            errors.put("registrationDeadline", "must be before the start");
        }
        if (minimumParticipants > capacity) {
            errors.put("minimumParticipants", "more than the capacity");
        }
        cancellationPolicy.problem().ifPresent(problem -> errors.put("cancellationPolicy", problem));
        if ("E".equals(vat.category()) && (vat.exemptionReason() == null || vat.exemptionReason().isBlank())) {
            errors.put("vat.exemptionReason", "required for an exempt (E) price");
        }
        if (pricePerParticipant.amount().scale() > 2) {
            errors.put("pricePerParticipant.amount", "at most two decimals");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return new Tour(id == null ? UUID.randomUUID().toString() : id, kind, title.strip(), summary.strip(),
                description, targetAudience, destination, timeZone, startDate, endDate, program, tourLeader,
                new Money(pricePerParticipant.amount(), pricePerParticipant.currency()),
                new VatTreatment(vat.category(), vat.ratePercent(), vat.exemptionReason()), includes, excludes,
                recommendedTravel, minimumParticipants, registrationDeadline, cancellationPolicy, languages, themes,
                TourStatus.DRAFT, SeatCount.of(capacity), 0);
    }
}
