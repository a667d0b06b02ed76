package no.studietur.billing.invoice;

/**
 * KID (kundeidentifikasjon), the payment reference the buyer's bank sends back: the digits of the invoice
 * number followed by a MOD10 (Luhn) check digit. MOD10 never yields the '-' MOD11 can.
 */
public final class Kid {

    private Kid() {
    }

    public static String of(String invoiceNumber) {
        String digits = invoiceNumber.replaceAll("\\D", "");
        if (digits.isEmpty() || digits.length() > 24) {
            throw new IllegalArgumentException("A KID needs 1 to 24 digits before the check digit: " + invoiceNumber);
        }
        return digits + checkDigit(digits);
    }

    public static boolean isValid(String kid) {
        return kid != null && kid.matches("\\d{2,25}")
                && checkDigit(kid.substring(0, kid.length() - 1)) == kid.charAt(kid.length() - 1) - '0';
    }

    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
