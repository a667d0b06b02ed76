package no.studietur.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "NO, 944382038, true",     // Asker kommune
            "NO, 944 382 038, true",
            "NO, 944382039, false",    // wrong check digit
            "NO, 94438203, false",     // too short
            "NO, 123456785, true",
            "SE, 2120001124, true",    // Luhn over ten digits
            "SE, 212000-1124, true",
            "SE, 2120001125, false",
            "DK, 29189838, true",      // weights 2,7,6,5,4,3,2,1, sum divisible by 11
            "DK, 29189839, false",
            "FI, 01120389, false",     // country not served
            "NO, 94438203A, false"})
    void checksTheDigitsOfEachCountry(String country, String number, boolean valid) {
        assertThat(OrganisationNumbers.isValid(country, number)).isEqualTo(valid);
    }
}
