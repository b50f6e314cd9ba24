package dev.cubby.server;

/**
 * An object's body stopped part-way, after its status line and headers were out: the client went
 * away (a cancelled download, a closed tab), or the file could not be read to the end. No error
 * document can follow; the request is recorded with the bytes that did go out.
 */
final class ResponseCut extends RuntimeException {
    private final long bytesSent;
    private final boolean clientGone;

    ResponseCut(long bytesSent, boolean clientGone, Throwable cause) {
        super(clientGone ? "the client closed the connection after " + bytesSent + " bytes of the body"
                : "the object could not be read to the end; " + bytesSent + " bytes of the body were sent", cause);
        this.bytesSent = bytesSent;
        this.clientGone = clientGone;
    }

    long bytesSent() {
        return bytesSent;
    }

    /** True when the client hung up; false when the server could not go on (the file shrank or failed). */
    boolean clientGone() {
        return clientGone;
    }
}
