package no.studietur.registration.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Partner API keys: 256 random bits, shown to the operator once. A key this random needs no slow hash, so
 * SHA-256 of it is what is stored and looked up.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "stk_";

    private ApiKeys() {
    }

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean looksLikeKey(String candidate) {
        return candidate != null && candidate.startsWith(PREFIX) && candidate.length() == PREFIX.length() + 43;
    }
}
