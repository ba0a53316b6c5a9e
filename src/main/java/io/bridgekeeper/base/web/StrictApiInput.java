package io.bridgekeeper.base.web;

import io.bridgekeeper.base.CleanText;
import io.bridgekeeper.base.TextRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every request body of our APIs is checked once it is read, before a controller or service sees it:
 * each string against {@link TextRules} (one line, unless the record component says
 * {@code @CleanText(multiline = true)}), then the body's Bean Validation constraints. One 400 problem
 * names every field at fault ({@code devices[2].name}), so a NUL byte never reaches PostgreSQL.
 */
@ControllerAdvice
class StrictApiInput extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 12;
    private static final int MAX_ERRORS = 20;

    private record Component(String name, Method accessor, boolean multiline) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> list = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                CleanText clean = c.getAnnotation(CleanText.class);
                list.add(new Component(c.getName(), accessor, clean != null && clean.multiline()));
            }
            return List.copyOf(list);
        }
    };

    private final Validator validator;

    StrictApiInput(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return parameter.getContainingClass().getPackageName().startsWith("io.bridgekeeper.");
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converter) {
        List<Map<String, String>> errors = new ArrayList<>();
        walk(body, "", false, errors, 0);
        if (errors.isEmpty() && body != null) {
            validator.validate(body).stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .limit(MAX_ERRORS)
                    .forEach((ConstraintViolation<Object> v) -> errors.add(
                            Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())));
        }
        if (!errors.isEmpty()) {
            ProblemDetail p = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-request", errors.size() == 1
                    ? "Field '" + errors.getFirst().get("field") + "': " + errors.getFirst().get("message")
                    : "The request has " + errors.size() + " invalid fields.");
            p.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, p, null);
        }
        return body;
    }

    private static void walk(Object value, String path, boolean multiline, List<Map<String, String>> errors, int depth) {
        if (value == null || errors.size() >= MAX_ERRORS || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String s) {
            String problem = TextRules.problem(s, multiline);
            if (problem != null) {
                errors.add(Map.of("field", path.isEmpty() ? "body" : path, "message", problem));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", multiline, errors, depth + 1);
            }
        } else if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                walk(item, path + "[" + i++ + "]", multiline, errors, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String at = path + "[" + e.getKey() + "]";
                walk(e.getKey(), at, false, errors, depth + 1);
                walk(e.getValue(), at, multiline, errors, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (Component c : COMPONENTS.get(value.getClass())) {
                Object field;
                try {
                    field = c.accessor().invoke(value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot read " + c.name() + " of " + value.getClass(), e);
                }
                walk(field, path.isEmpty() ? c.name() : path + "." + c.name(), c.multiline(), errors, depth + 1);
            }
        }
    }
}
