/**
 * What the broker hands to launchers: SkyPilot task YAMLs and Kueue manifests built from a plan
 * (docs/broker.md), each validated against the launcher's own JSON schema before anything is
 * written, written all together or not at all (a folder or a zip), and Kueue manifests read back
 * into capacity steps.
 */
@NullMarked
package io.nuage.broker.launch;

import org.jspecify.annotations.NullMarked;
