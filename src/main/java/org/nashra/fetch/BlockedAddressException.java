package org.nashra.fetch;

import java.net.UnknownHostException;

/** Raised inside the DNS step so that HttpClient never opens the socket; mapped to BLOCKED_ADDRESS. */
final class BlockedAddressException extends UnknownHostException {
    BlockedAddressException(String message) {
        super(message);
    }
}
