package io.localpack.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** How one API writes an error on the wire; each API's web layer provides one as a bean. */
public interface ApiErrorFormat {

    /** The API whose errors this writes. */
    Api api();

    void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException;
}
