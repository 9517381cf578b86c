package dev.berth.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compose's variable substitution in one scalar: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}},
 * {@code ${VAR+alt}}, nested operands, and {@code $$} for a literal {@code $}. A {@code $} that starts no
 * variable is kept as it is, as the compose reference says.
 */
final class Interpolation {

    /**
     * @param value the text with variables filled in
     * @param unset variables that were not set and had no default, each once, in order
     */
    record Result(String value, List<String> unset) {
    }

    private Interpolation() {
    }

    /**
     * @throws IllegalArgumentException with a sentence for the user: an unclosed {@code ${}, a malformed
     *                                  expression, or a required variable that has no value
     */
    static Result apply(String text, Map<String, String> environment) {
        List<String> unset = new ArrayList<>();
        String value = substitute(text, environment, unset);
        return new Result(value, List.copyOf(unset));
    }

    private static String substitute(String text, Map<String, String> env, List<String> unset) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c != '$') {
                out.append(c);
                i++;
            } else if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = closingBrace(text, i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("'${' is not closed with '}' (write $$ for a literal $)");
                }
                out.append(braced(text.substring(i + 2, close), env, unset));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = i + 2;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                out.append(lookup(text.substring(i + 1, end), env, unset));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The '}' closing a '${' whose content starts at {@code from}, counting nested '${'; -1 if none. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '$' && (next == '$' || next == '{')) {
                depth += next == '{' ? 1 : 0;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String braced(String expression, Map<String, String> env, List<String> unset) {
        int nameEnd = 0;
        while (nameEnd < expression.length() && isNamePart(expression.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = expression.substring(0, nameEnd);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw new IllegalArgumentException("'${" + expression + "}' does not start with a variable name");
        }
        String rest = expression.substring(nameEnd);
        if (rest.isEmpty()) {
            return lookup(name, env, unset);
        }
        // With ':' an empty value counts as unset, as in the shell.
        boolean colon = rest.charAt(0) == ':';
        String operation = colon ? rest.substring(1) : rest;
        char operator = operation.isEmpty() ? 0 : operation.charAt(0);
        String operand = operation.isEmpty() ? "" : operation.substring(1);
        String value = env.get(name);
        boolean present = value != null && !(colon && value.isEmpty());
        return switch (operator) {
            case '-' -> present ? value : substitute(operand, env, unset);
            case '+' -> present ? substitute(operand, env, unset) : "";
            case '?' -> {
                if (present) {
                    yield value;
                }
                String reason = substitute(operand, env, unset);
                throw new IllegalArgumentException("required variable " + name + " is missing a value"
                        + (reason.isEmpty() ? "" : ": " + reason));
            }
            default -> throw new IllegalArgumentException("'${" + expression + "}' is not a substitution compose knows:"
                    + " use ${" + name + "}, ${" + name + ":-default} or ${" + name + ":?error}");
        };
    }

    private static String lookup(String name, Map<String, String> env, List<String> unset) {
        String value = env.get(name);
        if (value == null) {
            if (!unset.contains(name)) {
                unset.add(name);
            }
            return "";
        }
        return value;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
