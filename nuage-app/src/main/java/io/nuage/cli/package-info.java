/**
 * The command line: one picocli command class per verb, wired in {@link io.nuage.cli.NuageCommand}.
 */
@NullMarked
package io.nuage.cli;

import org.jspecify.annotations.NullMarked;
