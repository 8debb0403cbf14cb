package io.localpack.admin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a resource's page shows: its representation as the API answers it, what it contains (tiers, VMs,
 * deployments, role instances), the operations the dashboard offers on it, and the keys that find its jobs and the
 * journal requests that touched it.
 */
public record ResourceDetail(String kind, String id, UUID subscription, String name, String state,
                             Representation representation, List<Section> sections, List<Operation> operations,
                             List<UUID> jobTargets, List<String> journalPathKeys) {

    /** The API's own answer for the resource. */
    public record Representation(String request, int status, String contentType, String body) {
    }

    /** A table of things the resource holds; {@code link} (optional per row) opens that thing's page. */
    public record Section(String title, List<String> columns, List<List<String>> rows, List<String> links) {
    }

    /**
     * A button: POST {@code action} (under /_localpack/ui/api/actions/) with {@code body}; with a {@code choice}, the
     * value the user picks or types is sent as that member of the body.
     */
    public record Operation(String label, String action, String body, Choice choice) {
    }

    /**
     * What an operation asks for before it is sent: one of {@code options} (a list to pick from) or, when there are
     * none, a whole number from {@code min} to {@code max} (the API checks it again).
     */
    public record Choice(String member, String label, List<String> options, Integer min, Integer max,
                         String initial) {

        public static Choice oneOf(String member, String label, List<String> options) {
            return new Choice(member, label, List.copyOf(options), null, null, options.get(0));
        }

        public static Choice number(String member, String label, int min, int max, int initial) {
            return new Choice(member, label, List.of(), min, max, Integer.toString(initial));
        }
    }

    public static Builder builder(String kind, String id, UUID subscription, String name, String state) {
        return new Builder(kind, id, subscription, name, state);
    }

    /** Filled by a kind, finished by the controller (which adds the representation when the kind has none). */
    public static final class Builder {
        private final String kind;
        private final String id;
        private final UUID subscription;
        private final String name;
        private final String state;
        private Representation representation;
        private final List<Section> sections = new ArrayList<>();
        private final List<Operation> operations = new ArrayList<>();
        private final List<UUID> jobTargets = new ArrayList<>();
        private final List<String> journalPathKeys = new ArrayList<>();
        /** For VMM kinds: the entity set and key the API reads it at. */
        private VmmEntity vmmEntity;
        /** For other APIs: how the API's own answer for it is read (outside the page's read transaction). */
        private Representer representer;

        record VmmEntity(String set, UUID id, UUID stampId) {
        }

        private Builder(String kind, String id, UUID subscription, String name, String state) {
            this.kind = kind;
            this.id = id;
            this.subscription = subscription;
            this.name = name;
            this.state = state;
        }

        public Builder representation(Representation value) {
            this.representation = value;
            return this;
        }

        public Builder vmmEntity(String set, UUID entityId, UUID stampId) {
            this.vmmEntity = new VmmEntity(set, entityId, stampId);
            return this;
        }

        VmmEntity vmmEntity() {
            return vmmEntity;
        }

        /** Reads the API's own answer for the resource when the page is served. */
        @FunctionalInterface
        public interface Representer {
            Representation read(jakarta.servlet.http.HttpServletRequest connection,
                                jakarta.servlet.http.HttpServletResponse response);
        }

        public Builder representedBy(Representer value) {
            this.representer = value;
            return this;
        }

        Representer representer() {
            return representer;
        }

        public Builder section(Section section) {
            sections.add(section);
            return this;
        }

        public Builder operation(String label, String action, String body) {
            return operation(label, action, body, null);
        }

        public Builder operation(String label, String action, String body, Choice choice) {
            operations.add(new Operation(label, action, body, choice));
            return this;
        }

        /** Jobs whose target is this object are the resource's jobs. */
        public Builder jobTarget(UUID target) {
            jobTargets.add(target);
            return this;
        }

        /** Journal requests whose path contains this text touched the resource. */
        public Builder journalPathKey(String key) {
            journalPathKeys.add(key);
            return this;
        }

        public ResourceDetail build() {
            return new ResourceDetail(kind, id, subscription, name, state, representation, List.copyOf(sections),
                    List.copyOf(operations), List.copyOf(jobTargets), List.copyOf(journalPathKeys));
        }
    }
}
