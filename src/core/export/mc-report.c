/* mc-report.c: every chart of a dataset as one PDF report
 *
 * A title page, then one chart a page, landscape, drawn by the same
 * renderer as the window and every export. Pages are measured in points;
 * charts are laid out in CSS pixels (0.75 pt), so that their text has the
 * size it has on screen and in other exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-report.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#if HAVE_NL_PAPER
#include <langinfo.h>
#endif

#include "mc-atomic-file.h"
#include "mc-chart-model.h"
#include "mc-export.h"
#include "mc-export-private.h"
#include "mc-format.h"
#include "mc-render.h"

#define POINTS_PER_PIXEL 0.75
#define MARGIN           42.0   /* points, about 15 mm */
#define FOOTER           16.0   /* the page footer's line, points */

/* Paper */

McPaper
mc_paper_from_size (double width_mm,
                    double height_mm)
{
  /* Letter is 215.9 × 279.4 mm; locales round it. */
  if (fabs (MIN (width_mm, height_mm) - 216) <= 1 && fabs (MAX (width_mm, height_mm) - 279) <= 1)
    return MC_PAPER_LETTER;
  return MC_PAPER_A4;
}

McPaper
mc_paper_get_default (void)
{
#if HAVE_NL_PAPER
  /* glibc gives the numbers as the pointer's value. */
  double width = (double) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
  double height = (double) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);

  return mc_paper_from_size (width, height);
#else
  return MC_PAPER_A4;
#endif
}

void
mc_paper_get_size (McPaper  paper,
                   double  *width,
                   double  *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == MC_PAPER_LETTER)
    {
      *width = 792;
      *height = 612;
    }
  else
    {
      *width = 841.89;
      *height = 595.28;
    }
}

/* Text */

typedef struct
{
  cairo_t       *cr;
  const McTheme *theme;
  McDataset     *dataset;
  double         width;      /* of the page, points */
  double         height;
  guint          n_pages;
  McReportProgressFunc progress;   /* nullable */
  gpointer       progress_data;
} Report;

/* Shows @text at (@x, @y) in @size points, wrapped at @max_width; returns
 * the height it took. */
static double
show_text (Report        *report,
           const char    *text,
           double         x,
           double         y,
           double         size,
           PangoWeight    weight,
           const McColor *color,
           double         max_width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (report->cr);
  PangoFontDescription *font = pango_font_description_from_string (
    mc_theme_get_font_family (report->theme));
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_set_source_rgba (report->cr, color->red, color->green, color->blue, color->alpha);
  cairo_move_to (report->cr, x, y);
  pango_cairo_show_layout (report->cr, layout);
  return (double) h / PANGO_SCALE;
}

/* The dataset's title on the left and "2 / 5" on the right, at the
 * bottom of every page after the first. */
static void
show_footer (Report *report,
             guint   page)
{
  const McColor *color = mc_theme_get_text_secondary (report->theme);
  g_autofree char *number = g_strdup_printf ("%u / %u", page, report->n_pages);
  double y = report->height - MARGIN + (FOOTER - 8) / 2;
  double column = (report->width - 2 * MARGIN) / 2;

  show_text (report, mc_dataset_get_title (report->dataset), MARGIN, y, 8,
             PANGO_WEIGHT_NORMAL, color, column);
  show_text (report, number, report->width - MARGIN - 40, y, 8, PANGO_WEIGHT_NORMAL, color, 40);
}

/* The title page */

static double
show_source (Report *report,
             double  y,
             double  width)
{
  McDataset *dataset = report->dataset;
  g_autofree char *source = mc_format_source_line (mc_dataset_get_source_name (dataset),
                                                   mc_dataset_get_source_date (dataset));
  const char *url = mc_dataset_get_source_url (dataset);
  const McColor *color = mc_theme_get_text_secondary (report->theme);

  if (source != NULL)
    y += show_text (report, source, MARGIN, y, 10, PANGO_WEIGHT_NORMAL, color, width);
  if (url != NULL && *url != '\0')
    y += show_text (report, url, MARGIN, y, 10, PANGO_WEIGHT_NORMAL, color, width);
  return y;
}

/* "1  Revenue  2", one line per chart, with the page it is on. */
static void
show_contents (Report *report,
               double  y,
               double  width)
{
  const McColor *text = mc_theme_get_text (report->theme);
  guint n_charts = mc_dataset_get_n_charts (report->dataset);

  for (guint i = 0; i < n_charts; i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (report->dataset, i);
      g_autofree char *page = g_strdup_printf ("%u", i + 2);
      const char *title = spec->title != NULL && *spec->title != '\0' ? spec->title : spec->id;
      double h;

      if (y + 14 > report->height - MARGIN)
        break;
      h = show_text (report, title, MARGIN, y, 11, PANGO_WEIGHT_NORMAL, text, width - 48);
      show_text (report, page, MARGIN + width - 24, y, 11, PANGO_WEIGHT_NORMAL, text, 24);
      y += h + 4;
    }
}

static void
show_title_page (Report *report)
{
  const McColor *text = mc_theme_get_text (report->theme);
  const McColor *secondary = mc_theme_get_text_secondary (report->theme);
  const char *description = mc_dataset_get_description (report->dataset);
  guint n_charts = mc_dataset_get_n_charts (report->dataset);
  g_autofree char *count = NULL;
  double width = report->width - 2 * MARGIN;
  double y = MARGIN * 2;

  y += show_text (report, mc_dataset_get_title (report->dataset), MARGIN, y, 26,
                  PANGO_WEIGHT_SEMIBOLD, text, width) + 10;
  if (description != NULL && *description != '\0')
    y += show_text (report, description, MARGIN, y, 13, PANGO_WEIGHT_NORMAL, text, width) + 8;
  y = show_source (report, y, width) + 28;

  /* Translators: above the list of charts of a PDF report */
  count = g_strdup_printf (ngettext ("%u chart", "%u charts", n_charts), n_charts);
  y += show_text (report, count, MARGIN, y, 11, PANGO_WEIGHT_SEMIBOLD, secondary, width) + 6;
  show_contents (report, y, width);
}

/* Chart pages */

static void
show_chart_error (Report            *report,
                  const McChartSpec *spec,
                  const GError      *error)
{
  /* Translators: on a page of the report: the chart's title, and why */
  g_autofree char *message = g_strdup_printf (_("Chart “%s” cannot be drawn: %s"),
                                              spec->title ? spec->title : spec->id,
                                              error->message);

  show_text (report, message, MARGIN, MARGIN, 12, PANGO_WEIGHT_NORMAL,
             mc_theme_get_text (report->theme), report->width - 2 * MARGIN);
}

static void
show_chart_page (Report            *report,
                 const McChartSpec *spec)
{
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(McMarks) marks = NULL;
  g_autoptr(GError) error = NULL;
  double width = (report->width - 2 * MARGIN) / POINTS_PER_PIXEL;
  double height = (report->height - 2 * MARGIN - FOOTER) / POINTS_PER_PIXEL;

  chart = mc_chart_model_new (report->dataset, spec, &error);
  if (chart == NULL)
    {
      show_chart_error (report, spec, error);
      return;
    }
  cairo_save (report->cr);
  cairo_translate (report->cr, MARGIN, MARGIN);
  cairo_scale (report->cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
  marks = mc_chart_render (chart, NULL, report->cr, width, height, report->theme);
  cairo_restore (report->cr);
}

static void
show_pages (Report *report)
{
  show_title_page (report);
  for (guint i = 0; i < mc_dataset_get_n_charts (report->dataset); i++)
    {
      cairo_show_page (report->cr);
      show_chart_page (report, mc_dataset_get_chart (report->dataset, i));
      show_footer (report, i + 2);
      if (report->progress != NULL)
        report->progress (i + 1, mc_dataset_get_n_charts (report->dataset),
                          report->progress_data);
    }
  cairo_show_page (report->cr);
}

/* Writing */

typedef struct
{
  McDataset            *dataset;
  McPaper               paper;
  const char           *font_family;   /* nullable */
  McReportProgressFunc  progress;
  gpointer              progress_data;
} Job;

static gboolean
write_report (GOutputStream  *stream,
              gpointer        user_data,
              GError        **error)
{
  Job *job = user_data;
  McExportWriter writer = { stream, NULL };
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  Report report = { NULL, theme, job->dataset, 0, 0, 0, job->progress, job->progress_data };
  cairo_surface_t *surface;
  cairo_status_t status;

  if (job->font_family != NULL)
    mc_theme_use_font_family (theme, job->font_family);
  mc_paper_get_size (job->paper, &report.width, &report.height);
  report.n_pages = 1 + mc_dataset_get_n_charts (job->dataset);
  surface = cairo_pdf_surface_create_for_stream (mc_export_write_to_stream, &writer,
                                                 report.width, report.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  mc_dataset_get_title (job->dataset));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Market Charts");
  report.cr = cairo_create (surface);
  show_pages (&report);
  cairo_destroy (report.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_RENDER,
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_report_write (McDataset  *dataset,
                 GFile      *file,
                 McPaper     paper,
                 GError    **error)
{
  return mc_report_write_with_progress (dataset, file, paper, NULL, NULL, NULL, error);
}

/**
 * mc_report_write_with_progress:
 * @font_family: (nullable): the family to draw in, before the theme's
 *   fallbacks
 * @progress: (nullable): told after each chart's page, in this thread
 *
 * Same as mc_report_write().
 */
gboolean
mc_report_write_with_progress (McDataset             *dataset,
                               GFile                 *file,
                               McPaper                paper,
                               const char            *font_family,
                               McReportProgressFunc   progress,
                               gpointer               user_data,
                               GError               **error)
{
  Job job = { dataset, paper, font_family, progress, user_data };

  g_return_val_if_fail (MC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (mc_atomic_file_replace (file, write_report, &job, error))
    return TRUE;
  mc_export_prefix_error (error, file);
  return FALSE;
}
