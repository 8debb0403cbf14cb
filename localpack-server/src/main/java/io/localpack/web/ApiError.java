package io.localpack.web;

/**
 * An error answer before it is put in an API's format. {@code field} names what was wrong (a member, a parameter,
 * "(body)" for the whole body, a header); only the control plane's format shows it.
 */
public record ApiError(int status, String code, String message, String field) {
}
