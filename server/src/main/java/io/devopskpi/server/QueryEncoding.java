package io.devopskpi.server;

import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.text.Excerpt;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a query string of the API that is not valid percent-encoded UTF-8 (a {@code %} not followed by two hex
 * digits, bytes that are no UTF-8) with 400 naming the parameter, before any handler reads it: the servlet layer
 * would otherwise drop such a parameter silently, and {@code window=%zz} would answer the default window as if
 * nothing were wrong (api.md: parameters that cannot be read are refused).
 */
final class QueryEncoding {
    private QueryEncoding() {
    }

    static void check(Context ctx) {
        String path = ctx.path();
        String query = ctx.queryString();
        if (query == null || !(path.startsWith("/api/") || path.equals("/metrics"))) {
            return;
        }
        List<QueryError> errors = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            String decodedName = decoded(name);
            String field = Excerpt.cut(decodedName != null ? decodedName : name, Excerpt.MAX_VALUE);
            if (decodedName == null) {
                errors.add(new QueryError(field, "the query parameter name " + Excerpt.quoted(name)
                        + " is not valid percent-encoded UTF-8"));
            } else if (decoded(value) == null) {
                errors.add(new QueryError(field, field + " is not valid percent-encoded UTF-8: "
                        + Excerpt.quoted(value)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(), ApiJson.queryErrors(errors));
        }
    }

    /** The text of a percent-encoded part, or null when it is not valid percent-encoded UTF-8. */
    private static String decoded(String part) {
        ByteBuffer bytes = ByteBuffer.allocate(part.length() * 3);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0
                        || Character.digit(part.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.put((byte) Integer.parseInt(part.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.put(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
