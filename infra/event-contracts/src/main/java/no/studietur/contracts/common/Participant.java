package no.studietur.contracts.common;

/** One person who takes a seat; {@code language} is one of nb, nn, sv, da, en. */
public record Participant(String participantId, String fullName, String jobTitle, String department,
                          String mobile, String email, String dietaryNeeds, String otherNeeds, String language) {
}
