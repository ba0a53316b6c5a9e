package io.bridgekeeper.base;

import java.util.Locale;

/**
 * A refusal by the domain, with a message written for the person or client that asked: an illegal
 * state transition, a duplicate, a rule of DESIGN.md. Its words are a {@link Refusal} (a translation key
 * with its values): the API answers it in English as an RFC 9457 problem with the given type and status,
 * the portal shows it in the person's language ({@link #message(Locale)}).
 */
public class DomainException extends RuntimeException {

    private final String type;
    private final int status;
    private final String field;
    private final Refusal refusal;

    /** A refusal only an API client ever sees (a partner's sync batch): English, without a translation key. */
    protected DomainException(String type, int status, String message) {
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



    /** The translatable words, or null for a refusal written only in English (see {@link #getMessage()}). */
    public Refusal refusal() {
        return refusal;
    }

    /** The input field at fault, or null when the refusal is about the whole request. */
    public String field() {
        return field;
    }




    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
