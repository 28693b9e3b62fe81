package io.devopskpi.server;

import com.google.gson.JsonObject;
import io.devopskpi.core.api.ApiJson;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers to requests it cannot parse or refuses before Javalin sees them (400 bad request line or
 * ambiguous path, 414 URI too long, 431 headers too large): JSON like every other error, with the security headers,
 * and no request data echoed (Jetty's page repeats its reason and the URI in HTML). Jetty 12 writes them through
 * {@link #generateResponse}; {@link #badMessageError} is the older path some protocols still take.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        HttpFields.Mutable fields = response.getHeaders();
        response.setStatus(code);
        response.write(true, body(code, fields), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        return body(status, fields);
    }

    /** Sets the headers and gives the body of the JSON answer for {@code status}. */
    private static ByteBuffer body(int status, HttpFields.Mutable fields) {
        SecurityHeaders.ALL.forEach(fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, JsonAnswers.CONTENT_TYPE);
        JsonObject body = ApiJson.error(HttpStatus.forStatus(status).getMessage());
        return ByteBuffer.wrap(ApiJson.text(body).getBytes(StandardCharsets.UTF_8));
    }
}
