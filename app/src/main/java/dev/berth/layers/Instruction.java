package dev.berth.layers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build step's instruction in Dockerfile words, recovered from what a builder recorded in the
 * image history: {@code /bin/sh -c #(nop)  CMD ["sh"]} → {@code CMD ["sh"]};
 * {@code |1 V=2 /bin/sh -c make} → {@code RUN make} with build arg {@code V=2};
 * {@code RUN /bin/sh -c make # buildkit} → {@code RUN make}.
 *
 * @param keyword    upper case: RUN, COPY, ENV...
 * @param arguments  the rest, as written
 * @param buildArgs  build args the step saw (recorded for RUN steps), in order
 */
public record Instruction(String keyword, String arguments, Map<String, String> buildArgs) {

    private static final Pattern BUILD_ARGS = Pattern.compile("^\\|(\\d+)\\s+(.*)$", Pattern.DOTALL);
    private static final String SHELL = "/bin/sh -c ";
    private static final String NOP = "#(nop) ";

    /** Dockerfile keywords, to tell {@code COPY a b} from a plain command. */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("ADD", "ARG", "CMD", "COPY",
            "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL",
            "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

    public static Instruction fromHistory(String createdBy) {
        String text = createdBy == null ? "" : createdBy.strip();
        if (text.endsWith("# buildkit")) {
            text = text.substring(0, text.length() - "# buildkit".length()).strip();
        }
        Map<String, String> args = new LinkedHashMap<>();
        boolean buildkitRun = false;
        if (text.startsWith("RUN ")) {
            text = text.substring(4).strip();
            buildkitRun = true;
        }
        Matcher m = BUILD_ARGS.matcher(text);
        if (m.matches()) {
            text = parseArgs(Integer.parseInt(m.group(1)), m.group(2), args);
        }
        if (text.startsWith(SHELL)) {
            String rest = text.substring(SHELL.length()).strip();
            if (rest.startsWith(NOP.strip())) {
                String nop = rest.substring(NOP.strip().length()).strip();
                return split(nop, args);
            }
            return new Instruction("RUN", rest, Map.copyOf(args));
        }
        if (buildkitRun) {
            return new Instruction("RUN", text, Map.copyOf(args));
        }
        int space = text.indexOf(' ');
        String first = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        if (KEYWORDS.contains(first) && text.substring(0, first.length()).equals(first)) {
            return split(text, args);
        }
        // Exec-form RUN in the classic builder records the bare command.
        return new Instruction(text.isEmpty() ? "" : "RUN", text, Map.copyOf(args));
    }

    private static Instruction split(String text, Map<String, String> args) {
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1).strip();
        return new Instruction(keyword, rest, Map.copyOf(args));
    }

    /** {@code A=1 B=two words /bin/sh -c ...}: n pairs; values may hold spaces only up to the next key. */
    private static String parseArgs(int n, String text, Map<String, String> out) {
        String rest = text;
        for (int i = 0; i < n; i++) {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                break;
            }
            String key = rest.substring(0, eq);
            String after = rest.substring(eq + 1);
            int end;
            if (i == n - 1) {
                int shell = after.indexOf(" " + SHELL.strip());
                end = shell >= 0 ? shell : after.indexOf(' ');
            } else {
                end = after.indexOf(' ');
            }
            if (end < 0) {
                end = after.length();
            }
            out.put(key, after.substring(0, end));
            rest = after.substring(Math.min(after.length(), end + 1));
        }
        return rest.strip();
    }

    /** True for steps that write files into a layer (as opposed to metadata steps). */
    public boolean writesFiles() {
        return keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD");
    }

    /** Without the build-arg prefix: what a person wrote. */
    public String text() {
        return arguments.isEmpty() ? keyword : keyword + " " + arguments;
    }

    /** The same instruction ignoring classic-builder content hashes ({@code file:<hex>}, {@code dir:<hex>}). */
    public String textWithoutContentHashes() {
        return text().replaceAll("\\b(file|dir|multi):[0-9a-f]{64}", "$1:…");
    }

    @Override
    public String toString() {
        return text();
    }
}
