package no.studietur.registration.registration;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The registration as partner clients and the web form send it; field names are part of the public contract. */
public record RegistrationRequest(
        @NotBlank @Size(max = 100) String tourId,
        @NotNull @Valid Organisation organisation,
        @NotNull @Valid Contact contact,
        @NotNull @Valid Invoice invoice,
        @NotEmpty @Size(max = 100, message = "at most 100 participants per registration") List<@NotNull @Valid Participant> participants,
        @Size(max = 200) String heardAbout,
        @AssertTrue(message = "the terms must be accepted") boolean acceptedTerms) {

    public record Organisation(@NotBlank @Size(max = 200) String name,
                               @NotBlank @Size(max = 20) String organisationNumber,
                               @NotBlank @Pattern(regexp = "NO|SE|DK", message = "must be NO, SE or DK") String country) {
    }

    public record Contact(@NotBlank @Size(max = 200) String name,
                          @NotBlank @Email @Size(max = 200) String email,
                          @NotBlank @Pattern(regexp = "\\+?[0-9 ]{5,20}", message = "must be a phone number") String phone) {
    }

    public record Invoice(@NotBlank @Size(max = 200) String street,
                          @NotBlank @Pattern(regexp = "[0-9A-Z -]{3,10}", message = "must be a postcode") String postcode,
                          @NotBlank @Size(max = 100) String town,
                          @NotBlank @Pattern(regexp = "NO|SE|DK", message = "must be NO, SE or DK") String country,
                          @Size(max = 100) String buyerReference,
                          @Pattern(regexp = "EHF|EMAIL_PDF", message = "must be EHF or EMAIL_PDF") String delivery,
                          @Email @Size(max = 200) String email) {
    }

    public record Participant(@NotBlank @Size(max = 200) String fullName,
                              @Size(max = 200) String jobTitle,
                              @Size(max = 200) String department,
                              @Pattern(regexp = "\\+?[0-9 ]{5,20}", message = "must be a phone number") String mobile,
                              @NotBlank @Email @Size(max = 200) String email,
                              @Size(max = 500) String dietaryNeeds,
                              @Size(max = 500) String otherNeeds,
                              @Pattern(regexp = "nb|nn|sv|da|en", message = "must be one of nb, nn, sv, da, en") String language) {
    }
}
