package io.localpack.vmroles;

import io.localpack.domain.Refusal.Kind;
import io.localpack.tenancy.SubscriptionLookup;
import io.localpack.vmroles.Models.GalleryItem;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The VM Role gallery of a subscription: the items granted to it (fixtures, table subscription_gallery_items), and
 * each item's resource definition (RESDEF) and view definition (VIEWDEF) documents. Another subscription's grant is
 * as absent as a missing item.
 */
@Service
public class Gallery {

    private final VmRoleStore store;
    private final SubscriptionLookup subscriptions;

    Gallery(VmRoleStore store, SubscriptionLookup subscriptions) {
        this.store = store;
        this.subscriptions = subscriptions;
    }

    @Transactional(readOnly = true)
    public List<GalleryItem> items(UUID subscriptionId) {
        requireSubscription(subscriptionId);
        return store.grantedItems(subscriptionId);
    }

    @Transactional(readOnly = true)
    public GalleryItem item(UUID subscriptionId, String publisher, String name, String version) {
        requireSubscription(subscriptionId);
        return store.grantedItem(subscriptionId, publisher, name, version).orElseThrow(() -> missing(publisher, name,
                version));
    }

    /** The item's RESDEF (or, with {@code view}, its VIEWDEF) as stored: a JSON document. */
    @Transactional(readOnly = true)
    public String definition(UUID subscriptionId, String publisher, String name, String version, boolean view) {
        requireSubscription(subscriptionId);
        return store.definition(subscriptionId, publisher, name, version, view).orElseThrow(() -> missing(publisher,
                name, version));
    }

    private static VmRoleRefusal missing(String publisher, String name, String version) {
        return new VmRoleRefusal(Kind.NOT_FOUND, "ResourceNotFound", null, "The gallery item (" + publisher + ", "
                + name + ", " + version + ") was not found.");
    }

    private void requireSubscription(UUID subscriptionId) {
        if (!subscriptions.exists(subscriptionId)) {
            throw new VmRoleRefusal(Kind.NOT_FOUND, "SubscriptionNotFound", null, "The subscription '"
                    + subscriptionId + "' was not found.");
        }
    }
}
