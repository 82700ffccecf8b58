/**
 * Reports for people: the offline HTML report ({@link io.nuage.report.ReportWriter}) that draws the
 * same charts as the dashboard from inlined data, with no network.
 */
@NullMarked
package io.nuage.report;

import org.jspecify.annotations.NullMarked;
