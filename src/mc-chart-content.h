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

/* A chart of the same dataset and spec, with the same series shown, that
 * renders independently of @chart: rendering a chart records its layout
 * for hit-testing, which must stay that of the chart on screen. */
McChart            *mc_chart_content_dup_chart  (McChart                *chart);

/* One provider with the chart as a PNG image (rendered with @options) and
 * an SVG drawing, and the chart's data as CSV and as plain
 * (tab-separated) text, for whichever the receiving application takes. */
GdkContentProvider *mc_chart_content_new        (McChart                *chart,
                                                 const McExportOptions  *options,
                                                 GError                **error);

G_END_DECLS
