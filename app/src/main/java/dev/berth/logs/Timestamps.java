package dev.berth.logs;

import java.time.Instant;

/**
 * Reads the RFC 3339 timestamps the engine puts before each log message ({@code
 * 2024-05-01T12:34:56.123456789Z}) straight from bytes: a million lines must not pay for a
 * general date parser.
 */
public final class Timestamps {

    /** Returned when the bytes are not a timestamp. */
    public static final long NONE = Long.MIN_VALUE;

    private static final long NANOS = 1_000_000_000L;

    private Timestamps() {
    }

    /** Nanoseconds since the epoch of the timestamp in {@code b[from, to)}, or {@link #NONE}. */
    public static long parse(byte[] b, int from, int to) {
        // yyyy-MM-ddTHH:mm:ss then optional .fraction then Z or +hh:mm / -hh:mm
        if (to - from < 20 || b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != 't')
                || b[from + 13] != ':' || b[from + 16] != ':') {
            return NONE;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        // Outside these years nanoseconds since the epoch do not fit in a long.
        if (year < 1678 || year > 2261 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23
                || minute > 59 || second > 60) {
            return NONE;
        }
        int i = from + 19;
        long fraction = 0;
        if (i < to && b[i] == '.') {
            i++;
            int digits = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (digits < 9) {
                    fraction = fraction * 10 + (b[i] - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0) {
                return NONE;
            }
            for (int d = digits; d < 9; d++) {
                fraction *= 10;
            }
        }
        long offsetSeconds;
        if (i < to && (b[i] == 'Z' || b[i] == 'z')) {
            offsetSeconds = 0;
            i++;
        } else if (i + 6 <= to && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':') {
            int oh = digits(b, i + 1, 2);
            int om = digits(b, i + 4, 2);
            if (oh < 0 || om < 0) {
                return NONE;
            }
            offsetSeconds = (oh * 3600L + om * 60L) * (b[i] == '-' ? -1 : 1);
            i += 6;
        } else {
            return NONE;
        }
        if (i != to) {
            return NONE;
        }
        long epochSeconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
                - offsetSeconds;
        return epochSeconds * NANOS + fraction;
    }

    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
    }

    public static long toNanos(Instant instant) {
        return instant.getEpochSecond() * NANOS + instant.getNano();
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1_000_000;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
