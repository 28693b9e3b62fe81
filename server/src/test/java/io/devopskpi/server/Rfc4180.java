package io.devopskpi.server;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: CRLF records, quoted fields with doubled quotes, nothing else. */
final class Rfc4180 {
    private final String text;
    private int at;

    private Rfc4180(String text) {
        this.text = text;
    }

    static List<List<String>> parse(String text) {
        return new Rfc4180(text).records();
    }

    private List<List<String>> records() {
        List<List<String>> records = new ArrayList<>();
        while (at < text.length()) {
            List<String> record = new ArrayList<>();
            while (true) {
                record.add(field());
                if (text.startsWith("\r\n", at)) {
                    at += 2;
                    break;
                }
                expect(',');
            }
            records.add(record);
        }
        return records;
    }

    private String field() {
        StringBuilder value = new StringBuilder();
        if (at < text.length() && text.charAt(at) == '"') {
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("unterminated quoted field");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    if (at < text.length() && text.charAt(at) == '"') {
                        value.append('"');
                        at++;
                    } else {
                        return value.toString();
                    }
                } else {
                    value.append(c);
                }
            }
        }
        while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != '\r') {
            char c = text.charAt(at++);
            if (c == '"' || c == '\n') {
                throw new IllegalArgumentException("unquoted field with " + (c == '"' ? "a quote" : "a LF")
                        + " at " + at);
            }
            value.append(c);
        }
        return value.toString();
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at);
        }
        at++;
    }
}
