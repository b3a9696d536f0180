/* mc-chart-content.h: a chart for the clipboard and drag and drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mc-chart-model.h"
#include "mc-export.h"

G_BEGIN_DECLS

/* The rows of @dataset as text with a header row: comma-separated (RFC
 * 4180 quoting) when @separator is ',', tab-separated when it is '\t', as
 * spreadsheets paste it. Numbers are written in the column's own units
 * with a '.' decimal mark, dates as ISO 8601, missing values as empty
 * fields. */
char               *mc_chart_content_dup_table  (McDataset              *dataset,
                                                 char                    separator);

/* One provider with the chart as a PNG image (rendered with @options,
 * which say what to show of it) and an SVG drawing, and the chart's data
 * as CSV and as plain (tab-separated) text, for whichever the receiving
 * application takes. */
GdkContentProvider *mc_chart_content_new        (McChartModel           *chart,
                                                 const McExportOptions  *options,
                                                 GError                **error);

G_END_DECLS
