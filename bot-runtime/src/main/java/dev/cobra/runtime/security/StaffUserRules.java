package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a staff user's fields may hold, shared by the create and change routes; every breach is a 400. */
final class StaffUserRules {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt only reads the first 72 bytes; longer passwords would silently lose their tail. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_NAME = 120;
    /** No look-alike characters (0/O, 1/l/I): a one-time password is read aloud or copied by hand. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffUserRules() {
    }

    static void username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("invalid_username",
                    "username must be 3-64 characters: letters, digits, '.', '_', '@' or '-'.");
        }
    }

    static void password(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.badRequest("invalid_password",
                    "password must have at least " + MIN_PASSWORD_LENGTH + " characters and at most "
                            + MAX_PASSWORD_BYTES + " bytes.");
        }
    }

    static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ApiException.badRequest("invalid_roles",
                    "roles must name at least one of " + List.of(Role.values()) + ".");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Role.parse(name).ifPresentOrElse(roles::add, () -> unknown.add(String.valueOf(name)));
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("invalid_roles",
                    "unknown roles " + unknown + "; allowed: " + List.of(Role.values()) + ".");
        }
        return roles;
    }

    /** Null stays null (no change); otherwise trimmed, at most {@link #MAX_NAME} characters. */
    static String name(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME) {
            throw ApiException.badRequest("invalid_name", "name must be at most " + MAX_NAME + " characters.");
        }
        return trimmed;
    }

    /** Null stays null (no change); otherwise distinct queue names of letters, digits, '.', '_' or '-'. */
    static List<String> queues(List<String> queues) {
        if (queues == null) {
            return null;
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String queue : queues) {
            String q = queue == null ? "" : queue.strip();
            if (!QUEUE.matcher(q).matches()) {
                throw ApiException.badRequest("invalid_queues",
                        "queue names are 1-40 letters, digits, '.', '_' or '-'; got '" + q + "'.");
            }
            distinct.add(q);
        }
        return List.copyOf(distinct);
    }

    /** A random one-time password of 14 unambiguous characters (about 81 bits). */
    static String oneTimePassword() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
