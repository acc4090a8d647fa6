package org.xieshang.shared.error;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Invalid input, with the fields at fault (each a message key and its arguments). */
public class InvalidInput extends DomainException {

    public record FieldProblem(String field, String messageKey, Object[] args) {
    }

    private final List<FieldProblem> problems = new ArrayList<>();

    public InvalidInput() {
        super(HttpStatus.BAD_REQUEST, "error.invalidInput");
    }

    public static InvalidInput field(String field, String messageKey, Object... args) {
        return new InvalidInput().add(field, messageKey, args);
    }

    public InvalidInput add(String field, String messageKey, Object... args) {
        // "length 1 to n" is what an empty required field gets from most rules; people read "required" first
        if ("validation.length".equals(messageKey) && args.length == 2 && "1".equals(String.valueOf(args[0]))) {
            problems.add(new FieldProblem(field, "validation.requiredMax", new Object[] {args[1]}));
            return this;
        }
        problems.add(new FieldProblem(field, messageKey, args));
        return this;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Throws itself when a problem was collected. */
    public void throwIfAny() {
        if (hasProblems()) {
            throw this;
        }
    }
}
