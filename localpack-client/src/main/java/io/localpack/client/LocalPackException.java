package io.localpack.client;

/** A control-plane call that did not succeed: the message holds the status and LocalPack's error body. */
public class LocalPackException extends RuntimeException {
    public LocalPackException(String message) {
        super(message);
    }

    public LocalPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
