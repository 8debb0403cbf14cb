package io.localpack.admin.ui;

import java.util.List;
import java.util.UUID;

/** One line of a resource list: the id its page is found by, its name, its state (as text) and further cells. */
public record ResourceRow(String id, UUID subscription, String name, String state, List<String> cells) {
}
