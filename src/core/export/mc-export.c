/* mc-export.c: charts to PNG, SVG and PDF, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-export.h"
#include "mc-export-private.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mc-atomic-file.h"
#include "mc-png.h"
#include "mc-render.h"
#include "mc-timing.h"

/* cairo image surfaces are limited to 32767 pixels a side; the pixel
 * count is limited further so that an export can't exhaust memory. */
#define MC_EXPORT_MAX_PIXELS (120.0 * 1000 * 1000)
#define MC_EXPORT_MAX_SIDE 32767.0

G_DEFINE_QUARK (mc-export-error-quark, mc_export_error)

void
mc_export_options_init (McExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->width = 800;
  options->height = 500;
  options->scale = 1;
  options->dark = FALSE;
  options->transparent = FALSE;
  options->font_family = NULL;
  options->view = NULL;
  options->drawn = NULL;
  options->drawn_data = NULL;
}

McTheme *
mc_export_options_new_theme (const McExportOptions *options)
{
  McTheme *theme;

  g_return_val_if_fail (options != NULL, NULL);

  theme = mc_theme_new (options->dark ? MC_THEME_DARK : MC_THEME_LIGHT);
  mc_theme_set_transparent (theme, options->transparent);
  if (options->font_family != NULL)
    mc_theme_use_font_family (theme, options->font_family);
  return theme;
}

static const struct
{
  McExportFormat  format;
  const char     *extension;
  const char     *mime_type;
} formats[] = {
  { MC_EXPORT_PNG, "png", "image/png" },
  { MC_EXPORT_SVG, "svg", "image/svg+xml" },
  { MC_EXPORT_PDF, "pdf", "application/pdf" },
};

const char *
mc_export_format_get_extension (McExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
mc_export_format_get_mime_type (McExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].mime_type;
}

char *
mc_export_chart_file_name (McDataset      *dataset,
                           const char     *chart_id,
                           McExportFormat  format)
{
  const char *extension = mc_export_format_get_extension (format);

  g_return_val_if_fail (MC_IS_DATASET (dataset) && chart_id != NULL, NULL);

  if (extension[0] == '.')
    extension++;
  return g_strdup_printf ("%s-%s.%s", mc_dataset_get_id (dataset), chart_id, extension);
}

gboolean
mc_export_format_from_path (const char      *path,
                            McExportFormat  *format,
                            GError         **error)
{
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base || dot[1] == '\0')
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_FORMAT,
                   _("“%s” has no file extension: use .png, .svg or .pdf"), path);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot + 1, formats[i].extension) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_FORMAT,
               _("“%s”: unknown file type “%s”, expected .png, .svg or .pdf"), path, dot);
  return FALSE;
}

static gboolean
check_options (McExportFormat          format,
               const McExportOptions  *options,
               GError                **error)
{
  double pixels_w = ceil (options->width * options->scale);
  double pixels_h = ceil (options->height * options->scale);

  if (!(options->width >= MC_EXPORT_MIN_SIZE && options->width <= MC_EXPORT_MAX_SIZE)
      || !(options->height >= MC_EXPORT_MIN_SIZE && options->height <= MC_EXPORT_MAX_SIZE))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_SIZE,
                   _("The size %g × %g is out of range: width and height must be "
                     "between %g and %g"),
                   options->width, options->height, MC_EXPORT_MIN_SIZE, MC_EXPORT_MAX_SIZE);
      return FALSE;
    }
  if (!(options->scale >= MC_EXPORT_MIN_SCALE && options->scale <= MC_EXPORT_MAX_SCALE))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_SIZE,
                   _("The scale %g is out of range: it must be between %g and %g"),
                   options->scale, MC_EXPORT_MIN_SCALE, MC_EXPORT_MAX_SCALE);
      return FALSE;
    }
  if (format == MC_EXPORT_PNG
      && (pixels_w > MC_EXPORT_MAX_SIDE || pixels_h > MC_EXPORT_MAX_SIDE
          || pixels_w * pixels_h > MC_EXPORT_MAX_PIXELS))
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_SIZE,
                   _("The image would be %.0f × %.0f pixels, more than the %.0f million "
                     "pixels an export may have"),
                   pixels_w, pixels_h, MC_EXPORT_MAX_PIXELS / 1e6);
      return FALSE;
    }
  return TRUE;
}

/* Rendering to a stream */

typedef McExportWriter Writer;

cairo_status_t
mc_export_write_to_stream (void                *closure,
                           const unsigned char *data,
                           unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_png_bytes (gpointer      closure,
                 const guint8 *data,
                 gsize         length)
{
  return mc_export_write_to_stream (closure, data, length) == CAIRO_STATUS_SUCCESS;
}

static void
draw_chart (McChartModel          *chart,
            cairo_surface_t       *surface,
            const McExportOptions *options)
{
  g_autoptr(McTheme) theme = mc_export_options_new_theme (options);
  g_autoptr(McMarks) marks = NULL;
  cairo_t *cr = cairo_create (surface);

  marks = mc_chart_render (chart, options->view, cr, options->width, options->height, theme);
  cairo_destroy (cr);
}

/* The chart is drawn: the caller may let it go (McExportDrawnFunc) */
static void
tell_drawn (const McExportOptions *options)
{
  if (options->drawn != NULL)
    options->drawn (options->drawn_data);
}

static cairo_surface_t *
create_vector_surface (McChartModel          *chart,
                       McExportFormat         format,
                       const McExportOptions *options,
                       Writer                *writer)
{
  cairo_surface_t *surface;

  if (format == MC_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (mc_export_write_to_stream, writer,
                                                     options->width, options->height);
      /* Sizes in CSS pixels, as the options are. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;
    }
  /* PDF pages are measured in points: one CSS pixel becomes one point. */
  surface = cairo_pdf_surface_create_for_stream (mc_export_write_to_stream, writer,
                                                 options->width, options->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  mc_chart_model_get_title (chart));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Market Charts");
  return surface;
}

static cairo_status_t
render_png (McChartModel          *chart,
            const McExportOptions *options,
            Writer                *writer)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (options->width * options->scale),
                                        (int) ceil (options->height * options->scale));
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_set_device_scale (surface, options->scale, options->scale);
      draw_chart (chart, surface, options);
      mc_timing_mark ("render");
      tell_drawn (options);
      status = cairo_surface_status (surface);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = mc_png_write_surface (surface, write_png_bytes, writer);
  cairo_surface_destroy (surface);
  return status;
}

static cairo_status_t
render_vector (McChartModel          *chart,
               McExportFormat         format,
               const McExportOptions *options,
               Writer                *writer)
{
  cairo_surface_t *surface = create_vector_surface (chart, format, options, writer);
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      draw_chart (chart, surface, options);
      mc_timing_mark ("render");
      tell_drawn (options);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return status;
}

static gboolean
render_to_stream (McChartModel           *chart,
                  McExportFormat          format,
                  const McExportOptions  *options,
                  GOutputStream          *stream,
                  GError                **error)
{
  Writer writer = { stream, NULL };
  cairo_status_t status;

  if (format == MC_EXPORT_PNG)
    status = render_png (chart, options, &writer);
  else
    status = render_vector (chart, format, options, &writer);

  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_RENDER,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static const McExportOptions *
options_or_defaults (const McExportOptions *options,
                     McExportOptions       *defaults)
{
  if (options)
    return options;
  mc_export_options_init (defaults);
  return defaults;
}

/**
 * mc_export_chart_to_bytes:
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
mc_export_chart_to_bytes (McChartModel           *chart,
                          McExportFormat          format,
                          const McExportOptions  *options,
                          GError                **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  McExportOptions defaults;

  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), NULL);
  g_return_val_if_fail (format <= MC_EXPORT_PDF, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = options_or_defaults (options, &defaults);
  if (!check_options (format, options, error))
    return NULL;
  stream = g_memory_output_stream_new_resizable ();
  if (!render_to_stream (chart, format, options, stream, error)
      || !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Atomic writing */

void
mc_export_prefix_error (GError **error,
                        GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (error && *error && (*error)->domain != MC_EXPORT_ERROR)
    {
      GError *wrapped = g_error_new (MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE,
                                     _("Could not write “%s”: %s"), name, (*error)->message);

      g_clear_error (error);
      *error = wrapped;
    }
}

/* The chart, rendered into the temporary file of an atomic write. */
typedef struct
{
  McChartModel          *chart;
  McExportFormat         format;
  const McExportOptions *options;
} Job;

static gboolean
write_chart (GOutputStream  *stream,
             gpointer        user_data,
             GError        **error)
{
  Job *job = user_data;

  return render_to_stream (job->chart, job->format, job->options, stream, error);
}

/**
 * mc_export_chart:
 *
 * Returns: %TRUE on success; on failure @file is untouched, no temporary
 *   file is left and @error (in %MC_EXPORT_ERROR) names the file and the
 *   reason
 */
gboolean
mc_export_chart (McChartModel           *chart,
                 GFile                  *file,
                 McExportFormat          format,
                 const McExportOptions  *options,
                 GError                **error)
{
  McExportOptions defaults;
  Job job;
  gboolean ok;

  g_return_val_if_fail (MC_IS_CHART_MODEL (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format <= MC_EXPORT_PDF, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  options = options_or_defaults (options, &defaults);
  if (!check_options (format, options, error))
    return FALSE;

  job = (Job) { chart, format, options };
  ok = mc_atomic_file_replace (file, write_chart, &job, error);
  if (!ok)
    mc_export_prefix_error (error, file);
  mc_timing_mark ("write");
  return ok;
}
