package org.fangpin.contracts.envelope;

/** The bytes are not a Fangpin CloudEvents envelope, or its data does not match its declared type. */
public class MalformedEnvelopeException extends RuntimeException {

    public MalformedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEnvelopeException(String message) {
        super(message);
    }
}
