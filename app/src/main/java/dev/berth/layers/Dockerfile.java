package dev.berth.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into instructions with their line numbers: continuation lines joined, comments
 * and blank lines skipped, the {@code escape} directive and here-documents honoured. Enough to
 * point at the lines advice and cache explanations are about; not a full build frontend.
 */
public final class Dockerfile {

    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*[a-zA-Z][a-zA-Z0-9_-]*\\s*=.*$");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    /**
     * One instruction.
     *
     * @param firstLine 1-based line where it starts
     * @param lastLine  1-based line where it ends (continuations, here-documents)
     * @param stage     0-based index of the build stage (FROM) it belongs to
     */
    public record Line(String keyword, String arguments, int firstLine, int lastLine, int stage) {

        /** "line 7" or "lines 7–9". */
        public String lines() {
            return firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "–" + lastLine;
        }

        public String text() {
            return arguments.isEmpty() ? keyword : keyword + " " + arguments;
        }
    }

    private final List<Line> lines;

    private Dockerfile(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public List<Line> instructions() {
        return lines;
    }

    /** Instructions of the last stage, FROM included: the stage the image is built from. */
    public List<Line> finalStage() {
        if (lines.isEmpty()) {
            return List.of();
        }
        int last = lines.get(lines.size() - 1).stage();
        return lines.stream().filter(l -> l.stage() == last).toList();
    }

    public static Dockerfile parse(String text) {
        String[] raw = text.split("\r?\n", -1);
        char escape = '\\';
        int i = 0;
        // Parser directives come first, before any instruction, blank line or other comment.
        for (; i < raw.length; i++) {
            String line = raw[i].strip();
            Matcher m = ESCAPE_DIRECTIVE.matcher(line);
            if (m.matches()) {
                escape = m.group(1).charAt(0);
            } else if (!DIRECTIVE.matcher(line).matches()) {
                break;
            }
        }
        List<Line> out = new ArrayList<>();
        int stage = -1;
        while (i < raw.length) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            int first = i + 1;
            StringBuilder joined = new StringBuilder();
            String current = line;
            while (true) {
                boolean continues = !current.isEmpty() && current.charAt(current.length() - 1) == escape;
                joined.append(continues ? current.substring(0, current.length() - 1) : current);
                if (!continues || i + 1 >= raw.length) {
                    break;
                }
                i++;
                // Comment and blank lines inside a continued instruction are dropped.
                while (i < raw.length && (raw[i].strip().startsWith("#") || raw[i].strip().isEmpty()) && i + 1 < raw.length) {
                    i++;
                }
                current = raw[i].strip();
                joined.append(' ');
            }
            String instruction = joined.toString().strip();
            Matcher heredoc = HEREDOC.matcher(instruction);
            if (heredoc.find()) {
                String end = heredoc.group(1);
                StringBuilder body = new StringBuilder(instruction);
                while (i + 1 < raw.length) {
                    i++;
                    body.append('\n').append(raw[i]);
                    if (raw[i].strip().equals(end)) {
                        break;
                    }
                }
                instruction = body.toString();
            }
            int space = indexOfSpace(instruction);
            String keyword = (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = space < 0 ? "" : instruction.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                stage++;
            }
            out.add(new Line(keyword, arguments, first, i + 1, Math.max(stage, 0)));
            i++;
        }
        return new Dockerfile(out);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Which final-stage instruction made each step, matched from the top of the image down by
     * keyword: a builder may add steps of its own (the classic builder's LABEL for build labels)
     * and leave some out (BuildKit records no ARG). One element per step: the line, or null for
     * steps of the base image.
     */
    public List<Line> linesOf(List<ImageStep> steps) {
        List<Line> own = finalStage().stream().filter(l -> !l.keyword().equals("FROM")).toList();
        Line[] matched = new Line[steps.size()];
        int s = steps.size() - 1;
        int d = own.size() - 1;
        while (s >= 0 && d >= 0) {
            Line line = own.get(d);
            String keyword = steps.get(s).instruction().keyword();
            if (keyword.equals(line.keyword())) {
                matched[s--] = line;
                d--;
            } else if (keyword.equals("LABEL")) {
                s--;
            } else {
                d--;
            }
        }
        return java.util.Arrays.asList(matched);
    }
}
