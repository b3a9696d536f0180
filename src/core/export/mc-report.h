/* mc-report.h: every chart of a dataset as one PDF report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  MC_PAPER_A4,
  MC_PAPER_LETTER,
} McPaper;

/* The paper of the locale (LC_PAPER): Letter where it is 216 × 279 mm,
 * A4 elsewhere and where the system does not say. */
McPaper    mc_paper_get_default  (void);
McPaper    mc_paper_from_size    (double       width_mm,
                                  double       height_mm);
/* Its size in points, landscape: the charts are wider than tall. */
void       mc_paper_get_size     (McPaper      paper,
                                  double      *width,
                                  double      *height);

/* Writes a PDF with a title page (the dataset's title, description and
 * source, and the list of its charts) and one chart a page, replacing
 * @file atomically. A chart that cannot be drawn gets a page that says
 * why. Errors are in MC_EXPORT_ERROR and name the file. */
gboolean   mc_report_write       (McDataset   *dataset,
                                  GFile       *file,
                                  McPaper      paper,
                                  GError     **error);

/* Told after each chart's page, for whoever shows how far it has come. */
typedef void (*McReportProgressFunc) (guint     done,
                                      guint     total,
                                      gpointer  user_data);

/* Same, drawn in @font_family (NULL: the theme's default), telling
 * @progress (nullable) after each chart's page. */
gboolean   mc_report_write_with_progress (McDataset            *dataset,
                                          GFile                *file,
                                          McPaper               paper,
                                          const char           *font_family,
                                          McReportProgressFunc  progress,
                                          gpointer              user_data,
                                          GError              **error);

G_END_DECLS
