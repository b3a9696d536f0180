/* mc-export.h: charts to PNG, SVG and PDF, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-chart-model.h"
#include "mc-view-options.h"

G_BEGIN_DECLS

#define MC_EXPORT_ERROR (mc_export_error_quark ())

typedef enum
{
  MC_EXPORT_ERROR_FORMAT,    /* unknown file extension */
  MC_EXPORT_ERROR_SIZE,      /* width, height or scale out of range */
  MC_EXPORT_ERROR_RENDER,    /* cairo failed (out of memory, ...) */
  MC_EXPORT_ERROR_WRITE,     /* the file could not be written */
} McExportError;

typedef enum
{
  MC_EXPORT_PNG,
  MC_EXPORT_SVG,
  MC_EXPORT_PDF,
} McExportFormat;

/* Limits of the options, checked by the export functions. */
#define MC_EXPORT_MIN_SIZE    100.0
#define MC_EXPORT_MAX_SIZE  10000.0
#define MC_EXPORT_MIN_SCALE     0.5
#define MC_EXPORT_MAX_SCALE     4.0

/* Called by an export once its chart is drawn, before its file is
 * written (the PNG encoded, the SVG or PDF finished): from then on the
 * export reads neither the chart model nor its data, which the caller
 * may let go meanwhile. */
typedef void (*McExportDrawnFunc) (gpointer user_data);

typedef struct
{
  double   width;         /* CSS pixels (PDF: points) */
  double   height;
  double   scale;         /* device scale of PNG output: 2 for HiDPI */
  gboolean dark;          /* dark theme */
  gboolean transparent;   /* no background fill */
  const char *font_family; /* the family to draw in, before the theme's
                            * fallbacks; NULL for the theme's default */
  const McViewOptions *view; /* what to show of the chart (hidden series);
                              * NULL for everything */
  McExportDrawnFunc drawn;   /* nullable */
  gpointer          drawn_data;
} McExportOptions;

GQuark          mc_export_error_quark          (void);

/* Defaults: 800 × 500, scale 1, light, opaque, every series. */
void            mc_export_options_init         (McExportOptions       *options);

/* The theme @options ask for: light or dark, opaque or not, in their
 * font family. */
McTheme        *mc_export_options_new_theme    (const McExportOptions *options);

/* The format from a file name's extension (case-insensitive: .png, .svg,
 * .pdf). */
gboolean        mc_export_format_from_path     (const char            *path,
                                                McExportFormat        *format,
                                                GError               **error);
const char     *mc_export_format_get_extension (McExportFormat         format);
const char     *mc_export_format_get_mime_type (McExportFormat         format);
/* "DATASET-CHART.png": the name of a chart's file among a dataset's. */
char           *mc_export_chart_file_name      (McDataset             *dataset,
                                                const char            *chart_id,
                                                McExportFormat         format);

/* Renders @chart and writes it to @file. The file is replaced atomically:
 * the chart is written to a temporary file in the same folder, which is
 * renamed over @file only when complete; on failure @file is untouched and
 * no temporary file is left behind. @options may be NULL for defaults. */
gboolean        mc_export_chart                (McChartModel          *chart,
                                                GFile                 *file,
                                                McExportFormat         format,
                                                const McExportOptions *options,
                                                GError               **error);

/* The same file contents in memory (e.g. for the clipboard). */
GBytes         *mc_export_chart_to_bytes       (McChartModel          *chart,
                                                McExportFormat         format,
                                                const McExportOptions *options,
                                                GError               **error);

G_END_DECLS
