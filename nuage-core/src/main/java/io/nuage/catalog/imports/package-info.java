/**
 * Imports real GPU price lists (SkyPilot {@code vms.csv}, the AWS flat price CSV) into offerings,
 * with a report of every row left out and why. Entry point: {@link
 * io.nuage.catalog.imports.CatalogImporter}. See docs/catalog.md.
 */
@NullMarked
package io.nuage.catalog.imports;

import org.jspecify.annotations.NullMarked;
