package org.breakout.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.javalin.http.Context;

import org.breakout.server.store.Store;

/**
 * Who is asking. On localhost (no {@code --public}) everyone is the local organiser. With {@code --public} every API
 * request needs an organiser token — {@code Authorization: Bearer TOKEN}, or the cookie the page's sign-in sets — and
 * sees only that organiser's events. Tokens are stored as SHA-256 hashes only.
 */
final class Access {

    static final String COOKIE = "breakout_token";
    private static final String ORGANISER = "breakout.organiser";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final boolean publicMode;

    Access(Store store, boolean publicMode) {
        this.store = store;
        this.publicMode = publicMode;
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Before every API route but sign-in and the OpenAPI description. */
    void check(Context ctx) {
        if (!publicMode) {
            ctx.attribute(ORGANISER, Store.LOCAL_ORGANISER);
            return;
        }
        Optional<Long> organiser = tokenOf(ctx).flatMap(token -> store.organiserByTokenHash(hash(token)));
        if (organiser.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiProblem(401, "Organiser token needed", "this server is public: sign in with your organiser "
                    + "token (shown once when the server first started)");
        }
        ctx.attribute(ORGANISER, organiser.get());
    }

    Optional<Long> organiserOf(String token) {
        return token == null ? Optional.empty() : store.organiserByTokenHash(hash(token));
    }

    static Optional<String> tokenOf(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.ofNullable(ctx.cookie(COOKIE));
    }

    static long organiser(Context ctx) {
        Long organiser = ctx.attribute(ORGANISER);
        if (organiser == null) {
            throw new IllegalStateException("access not checked");
        }
        return organiser;
    }

    boolean publicMode() {
        return publicMode;
    }
}
