package io.devopskpi.server;

import com.google.gson.JsonObject;
import io.devopskpi.core.api.ApiJson;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers to requests it cannot parse (400 bad request line, 414 URI too long, 431 headers too large),
 * which never reach Javalin: JSON like every other error, with the security headers, and no request data echoed
 * (Jetty's page repeats its reason in HTML).
 */
final class JettyErrors extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.ALL.forEach(fields::put);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put(HttpHeader.CONTENT_TYPE, JsonAnswers.CONTENT_TYPE);
        JsonObject body = ApiJson.error(HttpStatus.forStatus(status).getMessage());
        return ByteBuffer.wrap(ApiJson.text(body).getBytes(StandardCharsets.UTF_8));
    }
}
