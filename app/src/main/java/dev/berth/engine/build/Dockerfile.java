package dev.berth.engine.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way the builders read it (parser directives, the escape character, line
 * continuations, comments), with the problems a build would stop on, each at its line. Lets the
 * build view mark a mistake before anything is sent, and find the line of a step the builder reports.
 *
 * <p>Usage: {@code Dockerfile.parse(text).problems()}
 */
public final class Dockerfile {

    static final Set<String> INSTRUCTIONS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
    private static final Set<String> NEED_ARGUMENTS = Set.of("RUN", "ENV", "LABEL", "WORKDIR", "USER", "EXPOSE",
            "VOLUME", "ARG", "MAINTAINER", "STOPSIGNAL", "ONBUILD", "SHELL", "HEALTHCHECK", "ENTRYPOINT", "CMD");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");

    /** One instruction; continued lines are joined. Lines are 1-based. */
    public record Instruction(String keyword, String arguments, int line, int endLine, int stage) {

        /** As the builders print it: {@code KEYWORD arguments}. */
        public String text() {
            return arguments.isEmpty() ? keyword : keyword + " " + arguments;
        }
    }

    /** A build stage: its FROM line and optional {@code AS} name. */
    public record Stage(int index, String name, String base, int line) {
    }

    /** Something a build would stop on. */
    public record Problem(int line, String message) {
    }

    private final List<Instruction> instructions;
    private final List<Stage> stages;
    private final List<Problem> problems;

    private Dockerfile(List<Instruction> instructions, List<Stage> stages, List<Problem> problems) {
        this.instructions = List.copyOf(instructions);
        this.stages = List.copyOf(stages);
        this.problems = List.copyOf(problems);
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    public List<Stage> stages() {
        return stages;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Optional<Problem> firstProblem() {
        return problems.stream().findFirst();
    }

    /** The stage named {@code name} (case-insensitive), if there is one. */
    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name() != null && s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A problem if the Dockerfile has no stage of that name, as the builders would say it. */
    public Optional<Problem> checkTarget(String target) {
        if (target == null || target.isBlank() || stage(target.strip()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(stages.isEmpty() ? 1 : stages.get(stages.size() - 1).line(),
                "target stage " + target.strip() + " could not be found"));
    }

    public static Dockerfile parse(String text) {
        return new Parser(text).parse();
    }

    /** Reads lines into instructions, checking each as it goes. */
    private static final class Parser {
        private final String[] lines;
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Set<String> stageNames = new HashSet<>();
        private char escape = '\\';

        Parser(String text) {
            this.lines = text.split("\\R", -1);
        }

        Dockerfile parse() {
            int i = directives();
            while (i < lines.length) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    i++;
                    continue;
                }
                int start = i;
                StringBuilder joined = new StringBuilder();
                while (true) {
                    String current = lines[i];
                    String trimmed = current.strip();
                    if (i > start && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                        // Empty and comment lines inside a continuation are dropped.
                        if (++i >= lines.length) {
                            break;
                        }
                        continue;
                    }
                    String content = stripTrailing(current);
                    if (!content.isEmpty() && content.charAt(content.length() - 1) == escape) {
                        joined.append(content, 0, content.length() - 1);
                        if (++i >= lines.length) {
                            break;
                        }
                        continue;
                    }
                    joined.append(content);
                    i++;
                    break;
                }
                instruction(joined.toString().strip(), start + 1, Math.min(i, lines.length));
            }
            if (instructions.isEmpty()) {
                problems.add(new Problem(1, "the Dockerfile cannot be empty"));
            } else if (stages.isEmpty()) {
                problems.add(new Problem(instructions.get(0).line(), "no build stage in current context"));
            }
            return new Dockerfile(instructions, stages, problems);
        }

        /** Parser directives ({@code # escape=`}) come first, before any other line. */
        private int directives() {
            int i = 0;
            for (; i < lines.length; i++) {
                Matcher m = DIRECTIVE.matcher(lines[i].strip());
                if (!m.matches()) {
                    break;
                }
                if (m.group(1).equalsIgnoreCase("escape")) {
                    String value = m.group(2);
                    if (!value.equals("\\") && !value.equals("`")) {
                        problems.add(new Problem(i + 1, "invalid escape token '" + value + "' does not match ` or \\"));
                    } else {
                        escape = value.charAt(0);
                    }
                }
            }
            return i;
        }

        private void instruction(String text, int line, int endLine) {
            int space = indexOfWhitespace(text);
            String word = space < 0 ? text : text.substring(0, space);
            String keyword = word.toUpperCase(Locale.ROOT);
            String args = space < 0 ? "" : text.substring(space).strip();
            int stage = stages.size() - 1;
            if (keyword.equals("FROM")) {
                stage = from(args, line);
            }
            instructions.add(new Instruction(keyword, args, line, endLine, stage));
            check(keyword, word, args, line);
        }

        private int from(String args, int line) {
            List<String> words = words(args).stream().filter(w -> !w.startsWith("--")).toList();
            String name = null;
            if (words.size() != 1 && words.size() != 3) {
                problems.add(new Problem(line, "FROM requires either one or three arguments"));
            } else if (words.size() == 3) {
                if (!words.get(1).equalsIgnoreCase("AS")) {
                    problems.add(new Problem(line, "FROM requires either one or three arguments"));
                } else {
                    name = words.get(2).toLowerCase(Locale.ROOT);
                    if (!STAGE_NAME.matcher(name).matches()) {
                        problems.add(new Problem(line, "invalid name for build stage: \"" + words.get(2)
                                + "\", name can't start with a number or contain symbols"));
                    } else if (!stageNames.add(name)) {
                        problems.add(new Problem(line, "duplicate stage name \"" + name + "\""));
                    }
                }
            }
            stages.add(new Stage(stages.size(), name, words.isEmpty() ? "" : words.get(0), line));
            return stages.size() - 1;
        }

        private void check(String keyword, String word, String args, int line) {
            if (!INSTRUCTIONS.contains(keyword)) {
                problems.add(new Problem(line, "unknown instruction: " + word));
                return;
            }
            if (stages.isEmpty() && !keyword.equals("ARG")) {
                problems.add(new Problem(line, "no build stage in current context"));
                return;
            }
            if (NEED_ARGUMENTS.contains(keyword) && args.isEmpty()) {
                problems.add(new Problem(line, keyword + " requires at least one argument"));
                return;
            }
            switch (keyword) {
                case "COPY", "ADD" -> {
                    boolean json = args.startsWith("[");
                    long files = json ? 2 : words(args).stream().filter(w -> !w.startsWith("--")).count();
                    if (files < 2) {
                        problems.add(new Problem(line, keyword + " requires at least two arguments, but only one was provided. "
                                + "Destination could not be determined."));
                    }
                }
                case "ENV" -> {
                    List<String> words = words(args);
                    if (!words.get(0).contains("=") && words.size() < 2) {
                        problems.add(new Problem(line, "ENV must have two arguments"));
                    } else if (words.get(0).startsWith("=")) {
                        problems.add(new Problem(line, "ENV names can not be blank"));
                    }
                }
                case "ONBUILD" -> {
                    String trigger = words(args).get(0).toUpperCase(Locale.ROOT);
                    if (trigger.equals("ONBUILD") || trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
                        problems.add(new Problem(line, trigger + " isn't allowed as an ONBUILD trigger"));
                    } else if (!INSTRUCTIONS.contains(trigger)) {
                        problems.add(new Problem(line, "unknown instruction: " + trigger));
                    }
                }
                default -> {
                }
            }
        }

        private static List<String> words(String args) {
            String stripped = args.strip();
            return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
        }

        private static int indexOfWhitespace(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isWhitespace(s.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }

        private static String stripTrailing(String s) {
            return s.stripTrailing();
        }
    }
}
