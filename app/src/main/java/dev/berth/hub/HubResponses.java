package dev.berth.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Docker Hub's JSON answers. Hub has two search APIs: the catalog search
 * ({@code /api/search/v3/catalog/search}, with publisher badges) and the older repository
 * search ({@code /v2/search/repositories/}, official flag only); both are read here, leniently,
 * since Hub's website API is not versioned as strictly as the Engine API.
 */
final class HubResponses {

    private HubResponses() {
    }

    /** A catalog search answer; throws IllegalArgumentException if it does not look like one. */
    static List<HubRepository> catalog(JsonNode root) {
        JsonNode results = root.path("results");
        if (!results.isArray()) {
            throw new IllegalArgumentException("not a catalog search answer");
        }
        List<HubRepository> out = new ArrayList<>();
        for (JsonNode item : results) {
            String type = item.path("type").asText("image");
            if (!type.equals("image")) {
                continue;
            }
            String badge = item.path("badge").asText(item.path("filter_type").asText(item.path("source").asText("")))
                    .toLowerCase(Locale.ROOT);
            boolean official = badge.equals("official") || badge.equals("store") && item.path("publisher").path("id")
                    .asText("").equals("docker");
            boolean verified = badge.equals("verified_publisher") || badge.equals("verified");
            String slug = item.path("slug").asText(item.path("name").asText(""));
            String name = official && slug.startsWith("library/") ? slug.substring("library/".length()) : slug;
            if (name.isEmpty()) {
                continue;
            }
            JsonNode pullNode = item.path("pull_count");
            if (pullNode.isMissingNode()) {
                for (JsonNode plan : item.path("rate_plans")) {
                    JsonNode repoPulls = plan.path("repositories").path(0).path("pull_count");
                    if (!repoPulls.isMissingNode()) {
                        pullNode = repoPulls;
                    }
                }
            }
            out.add(new HubRepository(name, item.path("short_description").asText(""), item.path("star_count").asLong(0),
                    pulls(pullNode), pullsText(pullNode), official, verified));
        }
        return out;
    }

    /** A {@code /v2/search/repositories/} answer. */
    static List<HubRepository> repositories(JsonNode root) {
        JsonNode results = root.path("results");
        if (!results.isArray()) {
            throw new IllegalArgumentException("not a repository search answer");
        }
        List<HubRepository> out = new ArrayList<>();
        for (JsonNode item : results) {
            String name = item.path("repo_name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            boolean official = item.path("is_official").asBoolean(false);
            if (official && name.startsWith("library/")) {
                name = name.substring("library/".length());
            }
            JsonNode pullNode = item.path("pull_count");
            out.add(new HubRepository(name, item.path("short_description").asText(""), item.path("star_count").asLong(0),
                    pulls(pullNode), pullsText(pullNode), official, false));
        }
        return out;
    }

    /** A {@code /v2/repositories/{namespace}/{name}/tags} answer. */
    static List<HubTag> tags(JsonNode root) {
        List<HubTag> out = new ArrayList<>();
        for (JsonNode item : root.path("results")) {
            String name = item.path("name").asText("");
            if (name.isEmpty()) {
                continue;
            }
            long size = item.path("full_size").asLong(0);
            for (JsonNode image : item.path("images")) {
                size = Math.max(size, image.path("size").asLong(0));
            }
            out.add(new HubTag(name, size, instant(item.path("last_updated").asText(item.path("tag_last_pushed").asText("")))));
        }
        return out;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** 1234567 as a number, or "1B+" / "500M+" / "10K+" as words, approximately. */
    static long pulls(JsonNode node) {
        if (node.isNumber()) {
            return node.asLong();
        }
        String text = node.asText("").strip().toUpperCase(Locale.ROOT).replace("+", "").replace(",", "");
        if (text.isEmpty()) {
            return -1;
        }
        double factor = 1;
        char last = text.charAt(text.length() - 1);
        if (last == 'K' || last == 'M' || last == 'B') {
            factor = last == 'K' ? 1e3 : last == 'M' ? 1e6 : 1e9;
            text = text.substring(0, text.length() - 1);
        }
        try {
            return (long) (Double.parseDouble(text) * factor);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String pullsText(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isNumber() ? compact(node.asLong()) : node.asText("");
    }

    /** 1234567 reads "1.2M". */
    static String compact(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        String[] units = {"K", "M", "B"};
        double value = n;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = value >= 100 || value == Math.floor(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + units[unit];
    }
}
