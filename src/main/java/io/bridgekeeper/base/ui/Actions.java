package io.bridgekeeper.base.ui;

import com.vaadin.flow.component.HasValidation;
import io.bridgekeeper.base.DomainException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way a view acts: it runs a service call, says so when it worked, and shows a domain
 * refusal where the person looks, under the field it names or else as an error notification. Only
 * {@link DomainException} is handled here: a refused role or owner ({@code AccessDeniedException})
 * and anything unexpected go on to the portal's error handler ({@code ViewErrorHandling}), which
 * answers them the same way everywhere.
 */
public final class Actions {

    private Actions() {
    }

    /** Runs {@code call}; true when it worked (and {@code done}, unless null, was shown). */
    public static boolean run(Runnable call, String done) {
        return run(call, done, Map.of());
    }

    /** As {@link #run(Runnable, String)}, marking the field a refusal names when it is one of {@code fields}. */
    public static boolean run(Runnable call, String done, Map<String, ? extends HasValidation> fields) {
        return get(() -> {
            call.run();
            return Boolean.TRUE;
        }, done, fields).isPresent();
    }

    /** Runs {@code call} for its answer; empty when the domain refused it (and the refusal was shown). */
    public static <T> Optional<T> get(Supplier<T> call, String done, Map<String, ? extends HasValidation> fields) {
        try {
            T answer = call.get();
            if (done != null) {
                Notifications.success(done);
            }
            return Optional.of(answer);
        } catch (DomainException refused) {
            show(refused, fields);
            return Optional.empty();
        }
    }

    /** Shows a refusal under the field it names, or as an error notification when it names none of these. */
    public static void show(DomainException refused, Map<String, ? extends HasValidation> fields) {
        HasValidation field = refused.field() == null ? null : fields.get(refused.field());
        String message = refused.message(Words.pageLocale());
        if (field == null) {
            Notifications.error(message);
        } else {
            mark(field, message);
        }
    }

    /** Marks a field invalid with {@code error}, or valid when it is null; true when valid. */
    public static boolean mark(HasValidation field, String error) {
        field.setInvalid(error != null);
        field.setErrorMessage(error);
        return error == null;
    }
}
