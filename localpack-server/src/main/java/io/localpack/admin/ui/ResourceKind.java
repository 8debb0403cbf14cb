package io.localpack.admin.ui;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Slice;

/**
 * One kind of tenant resource the dashboard lists and shows (VMM services, virtual machines, ASM cloud services, …).
 * A new kind (networks, VM Roles) is one Spring bean implementing this, usually by extending {@link JpaResourceKind}:
 * the lists, the resource page, its jobs and its journal requests come with it.
 */
public interface ResourceKind {

    /** The URL segment and the key the page uses: {@code services}, {@code virtual-machines}, … */
    String key();

    /** What the list is called: "VMM services". */
    String title();

    /** Which API owns it: VMM or ASM (shown, and used to filter the journal). */
    String api();

    /** Headings of {@link ResourceRow#cells()}. */
    List<String> columns();

    /** Order of the kinds on the page: lower first. */
    default int order() {
        return 100;
    }

    /**
     * One page of resources, filtered and ordered in the database (never the whole table in memory): the page's
     * rows and whether more follow.
     */
    Slice<ResourceRow> list(ResourceQuery query);

    /** One resource of a subscription by its id (for VMM kinds the GUID; ASM cloud services by name). */
    Optional<ResourceDetail.Builder> find(UUID subscription, String id);
}
