/** Test support: Debian's chromium driven by Playwright, and reading figures off a page. */
@NullMarked
package io.nuage.browser;

import org.jspecify.annotations.NullMarked;
