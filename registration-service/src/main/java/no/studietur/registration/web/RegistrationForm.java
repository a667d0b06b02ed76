package no.studietur.registration.web;

import java.util.ArrayList;
import java.util.List;

import no.studietur.registration.registration.RegistrationRequest;

/**
 * The public registration form as the browser posts it (field names as in the API request, so a validation
 * error's path names the form field). Mutable only because the browser edits it: participants are added and
 * removed by submit buttons, no JavaScript needed.
 */
public class RegistrationForm {

    private final Organisation organisation = new Organisation();
    private final Contact contact = new Contact();
    private final Invoice invoice = new Invoice();
    private List<Participant> participants = new ArrayList<>(List.of(new Participant()));
    private String heardAbout;
    private boolean acceptedTerms;

    public static class Organisation {
        private String name;
        private String organisationNumber;
        private String country = "NO";

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getOrganisationNumber() { return organisationNumber; }
        public void setOrganisationNumber(String organisationNumber) { this.organisationNumber = organisationNumber; }
        public String getCountry() { return country; }
        public void setCountry(String country) { this.country = country; }
    }

    public static class Contact {
        private String name;
        private String email;
        private String phone;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
    }

    public static class Invoice {
        private String street;
        private String postcode;
        private String town;
        private String country = "NO";
        private String buyerReference;
        private String delivery = "EHF";
        private String email;

        public String getStreet() { return street; }
        public void setStreet(String street) { this.street = street; }
        public String getPostcode() { return postcode; }
        public void setPostcode(String postcode) { this.postcode = postcode; }
        public String getTown() { return town; }
        public void setTown(String town) { this.town = town; }
        public String getCountry() { return country; }
        public void setCountry(String country) { this.country = country; }
        public String getBuyerReference() { return buyerReference; }
        public void setBuyerReference(String buyerReference) { this.buyerReference = buyerReference; }
        public String getDelivery() { return delivery; }
        public void setDelivery(String delivery) { this.delivery = delivery; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    public static class Participant {
        private String fullName;
        private String jobTitle;
        private String department;
        private String mobile;
        private String email;
        private String dietaryNeeds;
        private String otherNeeds;
        private String language = "nb";

        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
        public String getJobTitle() { return jobTitle; }
        public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
        public String getDepartment() { return department; }
        public void setDepartment(String department) { this.department = department; }
        public String getMobile() { return mobile; }
        public void setMobile(String mobile) { this.mobile = mobile; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getDietaryNeeds() { return dietaryNeeds; }
        public void setDietaryNeeds(String dietaryNeeds) { this.dietaryNeeds = dietaryNeeds; }
        public String getOtherNeeds() { return otherNeeds; }
        public void setOtherNeeds(String otherNeeds) { this.otherNeeds = otherNeeds; }
        public String getLanguage() { return language; }
        public void setLanguage(String language) { this.language = language; }
    }

    public Organisation getOrganisation() { return organisation; }
    public Contact getContact() { return contact; }
    public Invoice getInvoice() { return invoice; }
    public List<Participant> getParticipants() { return participants; }
    public void setParticipants(List<Participant> participants) { this.participants = participants; }
    public String getHeardAbout() { return heardAbout; }
    public void setHeardAbout(String heardAbout) { this.heardAbout = heardAbout; }
    public boolean isAcceptedTerms() { return acceptedTerms; }
    public void setAcceptedTerms(boolean acceptedTerms) { this.acceptedTerms = acceptedTerms; }

    /** The same registration as an API request, for the same validation and the same service call. */
    RegistrationRequest toRequest(String tourId) {
        return new RegistrationRequest(tourId,
                new RegistrationRequest.Organisation(blankToNull(organisation.name), blankToNull(organisation.organisationNumber),
                        organisation.country),
                new RegistrationRequest.Contact(blankToNull(contact.name), blankToNull(contact.email), blankToNull(contact.phone)),
                new RegistrationRequest.Invoice(blankToNull(invoice.street), blankToNull(invoice.postcode),
                        blankToNull(invoice.town), invoice.country, blankToNull(invoice.buyerReference), invoice.delivery,
                        blankToNull(invoice.email)),
                participants.stream().map(participant -> new RegistrationRequest.Participant(
                        blankToNull(participant.fullName), blankToNull(participant.jobTitle),
                        blankToNull(participant.department), blankToNull(participant.mobile),
                        blankToNull(participant.email), blankToNull(participant.dietaryNeeds),
                        blankToNull(participant.otherNeeds), participant.language)).toList(),
                blankToNull(heardAbout), acceptedTerms);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
