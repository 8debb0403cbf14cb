/**
 * What the VMM OData service serves, declared once per entity set: {@link io.localpack.vmm.model.EntitySetDeclaration}
 * beans (properties in wire order with their Edm type, value, JPA attribute and flags; key; navigations; tenant
 * scope; optional writes), the complex types they use ({@link io.localpack.vmm.model.ComplexTypeDeclaration},
 * shared ones in {@link io.localpack.vmm.model.CommonTypes}). {@code vmm.edm} writes both dialects' $metadata from
 * them, {@code vmm.query} turns $filter and $orderby into SQL through them, {@code vmm.odata} serializes rows with
 * them. This package depends on none of those.
 *
 * <p>Adding a read-only entity set, e.g. {@code VMTemplates}:
 * <ol>
 *   <li>a Flyway migration under {@code db/migration} for its table (and a grant table if tenants see rows through
 *       grants), and its JPA entity and repository in a feature package ({@code vmm/vmtemplate});</li>
 *   <li>in that package, a {@code @Configuration} class with one {@code @Bean @Order(n)} method returning
 *       {@code EntitySetDeclaration.builder("VMTemplates", "VMTemplate", VmTemplate.class)}: the keys
 *       {@code key("ID", …)} and {@code key("StampId", …)}, each property once in SPF's order
 *       ({@code property}, {@code complex}, {@code complexCollection}), {@code .queryable("jpaAttribute")} after
 *       those $filter and $orderby may use, navigations if any, and {@code scope(…)} (e.g.
 *       {@code TenantScope.ownedRows()} and the repository's find). The order value places the set and its type
 *       in $metadata, after the existing ones (10 to 60);</li>
 *   <li>the rows in the fixtures under {@code db/fixtures}.</li>
 * </ol>
 * Nothing else changes: the EDM provider, the processor and {@code EntitySetDeclarationsTest} pick up every
 * declaration bean. A set tenants write to also names a {@link io.localpack.vmm.model.WritableEntitySet} with
 * {@code writes(…)} and marks the members it reads {@code .writable()}.
 */
package io.localpack.vmm.model;
