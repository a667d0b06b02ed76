package no.studietur.registration.registration;

/**
 * Check digits of organisation numbers: Norwegian (9 digits, MOD11 as Brønnøysund), Swedish (10 digits, Luhn
 * over all ten) and Danish CVR (8 digits, MOD11 with weights 2,7,6,5,4,3,2,1).
 */
public final class OrganisationNumbers {

    private OrganisationNumbers() {
    }

    public static boolean isValid(String country, String number) {
        if (number == null || country == null) {
            return false;
        }
        String digits = number.replace(" ", "").replace("-", "");
        if (!digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return switch (country) {
            case "NO" -> digits.length() == 9 && norwegian(digits);
            case "SE" -> digits.length() == 10 && luhn(digits);
            case "DK" -> digits.length() == 8 && weightedSum(digits, new int[] {2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0;
            default -> false;
        };
    }

    private static boolean norwegian(String digits) {
        int remainder = weightedSum(digits.substring(0, 8), new int[] {3, 2, 7, 6, 5, 4, 3, 2}) % 11;
        int check = remainder == 0 ? 0 : 11 - remainder;
        return check != 10 && check == digits.charAt(8) - '0';
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
