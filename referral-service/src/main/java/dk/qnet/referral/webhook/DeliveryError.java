package dk.qnet.referral.webhook;

/**
 * What went wrong with one delivery attempt, as a code. Nothing the receiver sent back (its body,
 * its headers, its error text) is ever stored.
 */
public enum DeliveryError {
    /** The host is not allowed: it is internal, or resolves to a private or reserved address. */
    ADDRESS_NOT_ALLOWED,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    CONNECT_FAILED,
    TIMEOUT,
    TLS_FAILED,
    /** The receiver answered 3xx; redirects are never followed. */
    HTTP_REDIRECT,
    HTTP_4XX,
    HTTP_5XX,
    OTHER;

    static DeliveryError ofStatus(int status) {
        if (status >= 300 && status < 400) {
            return HTTP_REDIRECT;
        }
        return status >= 500 ? HTTP_5XX : status >= 400 ? HTTP_4XX : OTHER;
    }
}
