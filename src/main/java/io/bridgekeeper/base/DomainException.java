package io.bridgekeeper.base;

import java.util.Locale;

/**
 * A refusal by the domain, with a message written for the person or client that asked: an illegal
 * state transition, a duplicate, a rule of DESIGN.md. The portal shows it as is; the API answers it
 * as an RFC 9457 problem with the given type and status.
 */
public class DomainException extends RuntimeException {

    private final String type;
    private final int status;
    private final String field;
    private final Refusal refusal;

    public DomainException(String type, int status, String message) {
        this(type, status, null, message);
    }

    private DomainException(String type, int status, String field, String message) {
        super(message);
        this.type = type;
        this.status = status;
        this.field = field;
        this.refusal = null;
    }

    /** A refusal whose words come from the translations: English in {@link #getMessage()}, see {@link #message(Locale)}. */
    public DomainException(String type, int status, String field, Refusal refusal) {
        super(refusal.english());
        this.type = type;
        this.status = status;
        this.field = field;
        this.refusal = refusal;
    }

    /** The refusal in the person's language (English when it was written without a translation key). */
    public String message(Locale locale) {
        return refusal == null ? getMessage() : refusal.in(locale);
    }

    public static DomainException invalidField(String type, String field, Refusal refusal) {
        return new DomainException(type, 400, field, refusal);
    }

    public static DomainException conflictOnField(String type, String field, Refusal refusal) {
        return new DomainException(type, 409, field, refusal);
    }

    public static DomainException conflict(String type, Refusal refusal) {
        return new DomainException(type, 409, null, refusal);
    }

    public static DomainException invalid(String type, Refusal refusal) {
        return new DomainException(type, 400, null, refusal);
    }

    public static DomainException notFound(String type, Refusal refusal) {
        return new DomainException(type, 404, null, refusal);
    }

    /** Input that breaks a rule, pinned to the field at fault (a form shows it under that field). */
    public static DomainException invalidField(String type, String field, String message) {
        return new DomainException(type, 400, field, message);
    }

    /** A conflict pinned to a field, such as a duplicate slug. */
    public static DomainException conflictOnField(String type, String field, String message) {
        return new DomainException(type, 409, field, message);
    }

    /** The input field at fault, or null when the refusal is about the whole request. */
    public String field() {
        return field;
    }

    /** A conflict with the current state (HTTP 409). */
    public static DomainException conflict(String type, String message) {
        return new DomainException(type, 409, message);
    }

    /** Input that breaks a rule (HTTP 400). */
    public static DomainException invalid(String type, String message) {
        return new DomainException(type, 400, message);
    }

    /** Something that does not exist for the caller (HTTP 404); also used where it exists but is not theirs. */
    public static DomainException notFound(String type, String message) {
        return new DomainException(type, 404, message);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
