package dev.berth.app.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What removing the selected rows does: a tag whose image keeps other tags is only untagged; an
 * image losing its last tag (or an untagged one) is deleted, which the engine refuses while a
 * container uses it. Worked out before asking, so the question names exactly what goes and who
 * is in the way.
 *
 * @param untag   references that lose only the tag
 * @param delete  images that go, by one of their references
 * @param blocked images that would go but containers use: image reference to container names
 */
public record RemovalPlan(List<String> untag, List<String> delete, Map<String, List<String>> blocked) {

    public static RemovalPlan of(List<ImageRow> selected) {
        Map<String, List<ImageRow>> byImage = new LinkedHashMap<>();
        for (ImageRow row : selected) {
            byImage.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row);
        }
        List<String> untag = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        Map<String, List<String>> blocked = new LinkedHashMap<>();
        for (List<ImageRow> rows : byImage.values()) {
            ImageRow first = rows.get(0);
            Set<String> tags = new LinkedHashSet<>();
            rows.stream().filter(r -> !r.isDangling()).forEach(r -> tags.add(r.repoTag()));
            boolean imageGoes = first.isDangling() || tags.size() >= first.tagCount();
            if (!imageGoes) {
                untag.addAll(tags);
                continue;
            }
            // The image's other rows are all selected: untag all but one, delete the image by the last.
            List<String> refs = new ArrayList<>(tags);
            String last = refs.isEmpty() ? first.shortId() : refs.remove(refs.size() - 1);
            untag.addAll(refs);
            delete.add(last);
            if (first.inUse()) {
                blocked.put(last, first.usedBy());
            }
        }
        return new RemovalPlan(untag, delete, blocked);
    }

    public boolean isBlocked() {
        return !blocked.isEmpty();
    }

    /** The confirmation's headline. */
    public String title() {
        int count = untag.size() + delete.size();
        if (count == 1) {
            return (delete.isEmpty() ? "Untag " : "Remove ") + (delete.isEmpty() ? untag.get(0) : delete.get(0)) + "?";
        }
        return "Remove " + count + " image references?";
    }

    /** What will happen, line by line. */
    public String body() {
        StringBuilder out = new StringBuilder();
        for (String ref : delete) {
            out.append("Deletes the image ").append(ref).append(".\n");
        }
        for (String ref : untag) {
            out.append("Removes the tag ").append(ref).append(" (the image keeps its other tags).\n");
        }
        return out.toString().strip();
    }

    /** Why it is refused: which containers use which image. */
    public String blockedBody() {
        StringBuilder out = new StringBuilder();
        blocked.forEach((ref, containers) -> out.append(ref).append(" is used by ")
                .append(containers.size() == 1 ? "the container " : "the containers ")
                .append(String.join(", ", containers)).append(".\n"));
        out.append("Remove those containers first, or force the removal: the image is untagged and deleted,"
                + " stopped containers keep a reference to its ID, running ones keep it alive.");
        return out.toString();
    }
}
