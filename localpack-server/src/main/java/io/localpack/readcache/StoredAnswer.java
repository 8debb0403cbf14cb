package io.localpack.readcache;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** A 200 answer as its answering code wrote it: header calls in order, then the body. */
record StoredAnswer(List<Header> headers, byte[] body) {

    /** Every answer names its own request: this header gets a new id each time the answer is given. */
    static final String REQUEST_ID = "x-ms-request-id";

    enum Kind { SET, ADD, CONTENT_TYPE, CHARACTER_ENCODING, CONTENT_LENGTH }

    record Header(Kind kind, String name, String value) {
    }

    /** Memory the answer holds, roughly: what the cache's size limit counts. */
    long size() {
        long size = body.length + 64L;
        for (Header header : headers) {
            size += 48 + (header.name == null ? 0 : header.name.length())
                    + (header.value == null ? 0 : header.value.length());
        }
        return size;
    }

    void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        for (Header header : headers) {
            switch (header.kind) {
                case SET -> response.setHeader(header.name, fresh(header));
                case ADD -> response.addHeader(header.name, fresh(header));
                case CONTENT_TYPE -> response.setContentType(header.value);
                case CHARACTER_ENCODING -> response.setCharacterEncoding(header.value);
                case CONTENT_LENGTH -> response.setContentLengthLong(Long.parseLong(header.value));
            }
        }
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
    }

    private static String fresh(Header header) {
        if (header.value == null || !REQUEST_ID.equalsIgnoreCase(header.name)) {
            return header.value;
        }
        String id = UUID.randomUUID().toString();
        return header.value.indexOf('-') >= 0 ? id : id.replace("-", "");
    }
}
