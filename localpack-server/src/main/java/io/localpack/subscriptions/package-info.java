/**
 * WAP's tenant subscription API (issue 24, docs/subscriptions.md): the caller's subscriptions, public plans and
 * add-ons, subscribing to a plan (which grants the plan's clouds and templates), renaming, co-administrators,
 * add-ons, deletion as a job, usage and quota, and management certificates.
 *
 * <p>Roles as in the other features: reads and changes ({@link io.localpack.subscriptions.TenantSubscriptions}),
 * rules in plain Java ({@link io.localpack.subscriptions.SubscriptionRules}), persistence by SQL
 * ({@link io.localpack.subscriptions.SubscriptionStore}, {@link io.localpack.subscriptions.SubscriptionUsage}), the
 * deletion job ({@link io.localpack.subscriptions.SubscriptionDeletion}), and the web adapter in {@code web}.
 */
package io.localpack.subscriptions;
