package dev.berth.app.common;

import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;

/** How times and sizes read in every view ("3 minutes ago", "12.4 MB"). */
public final class Formats {

    private static final char DECIMAL_SEPARATOR = DecimalFormatSymbols.getInstance().getDecimalSeparator();

    private Formats() {
    }

    /**
     * "just now", "5 minutes ago", "2 days ago", like the docker CLI, except that anything under a
     * minute is "just now": a list does not redraw its times every second, so "3 seconds ago"
     * would soon be wrong.
     */
    public static String ago(Instant then, Instant now) {
        if (then == null || then.equals(Instant.EPOCH)) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return plural(minutes, "minute") + " ago";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return plural(hours, "hour") + " ago";
        }
        long days = hours / 24;
        if (days < 14) {
            return plural(days, "day") + " ago";
        }
        if (days < 60) {
            return plural(days / 7, "week") + " ago";
        }
        if (days < 730) {
            return plural(days / 30, "month") + " ago";
        }
        return plural(days / 365, "year") + " ago";
    }

    /** Decimal units as the docker CLI prints them: "532 B", "12.4 MB", "1.2 GB". */
    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return (value >= 99.95 ? Long.toString(Math.round(value)) : oneDecimal(value)) + " " + units[unit];
    }

    /**
     * {@code value} rounded to one decimal ("12.5", "0.0"), with this locale's decimal separator.
     * Table cells print numbers like this every second; {@code String.format} would cost more
     * than everything else they do.
     */
    public static String oneDecimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 1e15) {
            return String.format("%.1f", value);
        }
        long tenths = Math.round(Math.abs(value) * 10);
        String sign = value < 0 && tenths != 0 ? "-" : "";
        return sign + tenths / 10 + DECIMAL_SEPARATOR + tenths % 10;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** Labels or options as sorted {@code key=value} lines, or "—" when there are none. */
    public static String keyValues(java.util.Map<String, String> values) {
        return values.isEmpty() ? "—" : values.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** "3 days ago · 2026-11-24T10:00:00Z", or "—" for an unknown time. */
    public static String agoAndWhen(java.time.Instant when) {
        return when == null ? "—" : ago(when, java.time.Instant.now()) + " · " + when;
    }
}
