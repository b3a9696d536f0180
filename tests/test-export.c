/* test-export.c: PNG, SVG and PDF files, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "mc-bundled.h"
#include "mc-export.h"
#include "mc-report.h"
#include "mc-test-files.h"

static McChartModel *
revenue_chart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = mc_bundled_lookup ("alibaba-cloud-revenue", &error);
  McChartModel *chart;

  g_assert_no_error (error);
  chart = mc_chart_model_new (dataset, mc_dataset_lookup_chart (dataset, "revenue"), &error);
  g_assert_no_error (error);
  return chart;
}

static char *
make_temp_dir (void)
{
  return mc_test_make_temp_dir ("mc-export");
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
check_png (const char *data,
           gsize       length,
           guint32     width,
           guint32     height)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  g_assert_cmpuint (length, >, 33);
  g_assert_cmpmem (data, 8, signature, 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (read_be32 ((const guint8 *) data + 16), ==, width);
  g_assert_cmpuint (read_be32 ((const guint8 *) data + 20), ==, height);
}

static void
test_export_format_from_path (void)
{
  struct { const char *path; gboolean ok; McExportFormat format; } cases[] = {
    { "chart.png", TRUE, MC_EXPORT_PNG },
    { "/tmp/Chart.SVG", TRUE, MC_EXPORT_SVG },
    { "report.v2.pdf", TRUE, MC_EXPORT_PDF },
    { "chart", FALSE, 0 },
    { "chart.gif", FALSE, 0 },
    { "chart.", FALSE, 0 },
    { "dir.png/chart", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      McExportFormat format = 99;
      gboolean ok = mc_export_format_from_path (cases[i].path, &format, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (format, ==, cases[i].format);
        }
      else
        {
          g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_FORMAT);
          g_assert_nonnull (strstr (error->message, cases[i].path));
        }
    }
  g_assert_cmpstr (mc_export_format_get_extension (MC_EXPORT_SVG), ==, "svg");
  g_assert_cmpstr (mc_export_format_get_mime_type (MC_EXPORT_PDF), ==, "application/pdf");
}

static void
test_export_png (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *listing = NULL;
  gsize length;
  McExportOptions options;

  mc_export_options_init (&options);
  g_assert_true (mc_export_chart (chart, file, MC_EXPORT_PNG, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  check_png (data, length, 800, 500);
  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "chart.png");

  /* HiDPI: twice the pixels, same layout. */
  options.scale = 2;
  g_assert_true (mc_export_chart (chart, file, MC_EXPORT_PNG, &options, &error));
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  check_png (data, length, 1600, 1000);

  mc_test_remove_dir (dir);
}

/* The chart, let go as soon as it is drawn */
static void
unref_when_drawn (gpointer data)
{
  McChartModel **chart = data;

  g_assert_nonnull (*chart);
  g_clear_object (chart);
}

/* An export says when its chart is drawn, before it writes the file,
 * and reads the chart no more: the chart, let go then, is gone while
 * the file is written (a use of it after that would show under the
 * address sanitizer or valgrind), and the file is the same as one
 * written the usual way. */
static void
test_export_drawn (void)
{
  static const McExportFormat formats[] = { MC_EXPORT_PNG, MC_EXPORT_SVG, MC_EXPORT_PDF };
  g_autofree char *dir = make_temp_dir ();

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(McChartModel) usual = revenue_chart ();
      McChartModel *chart = revenue_chart ();
      g_autofree char *path = g_build_filename (dir, "drawn", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length;
      McExportOptions options;

      mc_export_options_init (&options);
      expected = mc_export_chart_to_bytes (usual, formats[f], &options, &error);
      g_assert_no_error (error);
      options.drawn = unref_when_drawn;
      options.drawn_data = &chart;
      g_assert_true (mc_export_chart (chart, file, formats[f], &options, &error));
      g_assert_no_error (error);
      g_assert_null (chart);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      /* PDF files carry the time they were made; SVG files number
       * cairo's surfaces as the process goes */
      if (formats[f] == MC_EXPORT_PDF)
        g_assert_true (g_str_has_prefix (data, "%PDF"));
      else if (formats[f] == MC_EXPORT_PNG)
        g_assert_cmpmem (data, length, g_bytes_get_data (expected, NULL),
                         g_bytes_get_size (expected));
      else
        {
          g_autoptr(GRegex) surface = g_regex_new ("surface[0-9]+", 0, 0, NULL);
          g_autofree char *written = g_regex_replace_literal (surface, data, length, 0,
                                                              "surface", 0, NULL);
          g_autofree char *usual_text = g_strndup (g_bytes_get_data (expected, NULL),
                                                   g_bytes_get_size (expected));
          g_autofree char *usually = g_regex_replace_literal (surface, usual_text, -1, 0,
                                                              "surface", 0, NULL);

          g_assert_cmpuint (strlen (written), ==, strlen (usually));
          g_assert_cmpmem (written, strlen (written), usually, strlen (usually));
        }
    }
  mc_test_remove_dir (dir);
}

static guint32
first_pixel (GBytes *png)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "p.png", NULL);
  cairo_surface_t *surface;
  guint32 pixel;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                      NULL));
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  pixel = *(guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  cairo_surface_destroy (surface);
  mc_test_remove_dir (dir);
  return pixel;
}

static void
test_export_bytes_and_options (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) light = NULL;
  g_autoptr(GBytes) dark = NULL;
  g_autoptr(GBytes) clear = NULL;
  g_autoptr(GBytes) defaults = NULL;
  McExportOptions options;

  mc_export_options_init (&options);
  g_assert_cmpfloat (options.width, ==, 800);
  g_assert_cmpfloat (options.height, ==, 500);
  g_assert_cmpfloat (options.scale, ==, 1);
  light = mc_export_chart_to_bytes (chart, MC_EXPORT_PNG, &options, &error);
  g_assert_no_error (error);
  check_png (g_bytes_get_data (light, NULL), g_bytes_get_size (light), 800, 500);
  g_assert_cmphex (first_pixel (light), ==, 0xffffffff);

  /* NULL options are the defaults. */
  defaults = mc_export_chart_to_bytes (chart, MC_EXPORT_PNG, NULL, &error);
  g_assert_true (g_bytes_equal (light, defaults));

  options.dark = TRUE;
  dark = mc_export_chart_to_bytes (chart, MC_EXPORT_PNG, &options, &error);
  g_assert_cmphex (first_pixel (dark), ==, 0xff1e1e1e);

  options.transparent = TRUE;
  clear = mc_export_chart_to_bytes (chart, MC_EXPORT_PNG, &options, &error);
  g_assert_cmphex (first_pixel (clear) >> 24, ==, 0);
}

static void
test_export_bad_options (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  McExportOptions options;
  struct { double width, height, scale; McExportFormat format; } cases[] = {
    { 50, 500, 1, MC_EXPORT_PNG },
    { 800, 20000, 1, MC_EXPORT_SVG },
    { 800, 500, 8, MC_EXPORT_PNG },
    { 800, 500, 0, MC_EXPORT_PDF },
    { 10000, 10000, 4, MC_EXPORT_PNG },   /* too many pixels */
    { NAN, 500, 1, MC_EXPORT_PNG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      mc_export_options_init (&options);
      options.width = cases[i].width;
      options.height = cases[i].height;
      options.scale = cases[i].scale;
      bytes = mc_export_chart_to_bytes (chart, cases[i].format, &options, &error);
      g_assert_null (bytes);
      g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_SIZE);
    }
}

static gboolean
run (const char * const  *argv,
     char               **out)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, out, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_export_svg (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "check.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");

  g_assert_true (mc_export_chart (chart, file, MC_EXPORT_SVG, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_nonnull (strstr (data, "width=\"800px\""));
  g_assert_nonnull (strstr (data, "height=\"500px\""));

  if (rsvg == NULL)
    g_test_message ("rsvg-convert not found: the SVG is not re-rendered");
  else
    {
      const char *argv[] = { rsvg, "-o", png, path, NULL };
      g_autofree char *pixels = NULL;
      gsize length;

      g_assert_true (run (argv, NULL));
      g_assert_true (g_file_get_contents (png, &pixels, &length, NULL));
      check_png (pixels, length, 800, 500);
    }
  mc_test_remove_dir (dir);
}

static void
test_export_pdf (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  g_assert_true (mc_export_chart (chart, file, MC_EXPORT_PDF, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));

  if (pdfinfo == NULL)
    g_test_message ("pdfinfo not found: the PDF is not checked further");
  else
    {
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *out = NULL;

      g_autoptr(GRegex) pages = g_regex_new ("^Pages: +1$", G_REGEX_MULTILINE, 0, NULL);

      g_assert_true (run (argv, &out));
      g_assert_true (g_regex_match (pages, out, 0, NULL));
      g_assert_nonnull (strstr (out, "800 x 500 pts"));
      g_assert_nonnull (strstr (out, "Alibaba Cloud’s revenue has risen every year"));
    }
  mc_test_remove_dir (dir);
}

/* Failures: the old file stays as it was, nothing else is left behind,
 * and the message names the file. */

static gboolean
write_chart (GFile     *file,
             gpointer   user_data,
             GError   **error)
{
  const char *name = g_file_peek_path (file);
  McExportFormat format = g_str_has_suffix (name, ".svg") ? MC_EXPORT_SVG : MC_EXPORT_PNG;

  return mc_export_chart (user_data, file, format, NULL, error);
}

static McTestWriter
chart_writer (McChartModel *chart,
              const char   *name)
{
  return (McTestWriter) { write_chart, chart, name, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE };
}

static void
test_export_missing_folder (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  McTestWriter writer = chart_writer (chart, "chart.png");
  g_autoptr(GError) error = mc_test_write_into_missing_folder (&writer);
}

static void
test_export_device (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  McTestWriter writer = chart_writer (chart, "chart.png");
  g_autoptr(GError) error = mc_test_write_onto_device (&writer);
}

static void
test_export_read_only_folder (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  McTestWriter writer = chart_writer (chart, "chart.png");
  g_autoptr(GError) error = mc_test_write_into_read_only_folder (&writer);
}

static void
test_export_disk_full (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  McTestWriter writer = chart_writer (chart, "chart.svg");
  g_autoptr(GError) error = mc_test_write_onto_full_disk (&writer, 4096);
}

static void
check_failure (const char *path,
               GError     *error)
{
  g_assert_nonnull (error);
  g_assert_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_export_onto_folder (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *inside = g_build_filename (target, "keep.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *kept = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "precious", -1, NULL));
  g_assert_false (mc_export_chart (chart, file, MC_EXPORT_PNG, NULL, &error));
  check_failure (target, error);
  g_assert_true (g_file_get_contents (inside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "precious");
  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "chart.png");
  mc_test_remove_dir (dir);
}

/* Replacing an existing file works and leaves no temporary file. */
static void
test_export_replace (void)
{
  g_autoptr(McChartModel) chart = revenue_chart ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (path, "old chart", -1, NULL));
  g_assert_true (mc_export_chart (chart, file, MC_EXPORT_PDF, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "chart.pdf");
  mc_test_remove_dir (dir);
}

/* Reports: every chart of a dataset, one a page, after a title page */

static McDataset *
bundled_dataset (const char *id)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_bundled_lookup (id, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
check_report (const char *path,
              guint       n_pages,
              const char *page_size)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { pdfinfo, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", n_pages);

  if (pdfinfo == NULL)
    {
      g_test_message ("pdfinfo not found: the PDF is not checked further");
      return;
    }
  g_assert_true (run (argv, &out));
  g_assert_nonnull (strstr (out, pages));
  g_assert_nonnull (strstr (out, page_size));
  g_assert_nonnull (strstr (out, "Title:           Alibaba Cloud revenue"));
}

static void
test_export_report (void)
{
  g_autoptr(McDataset) dataset = bundled_dataset ("alibaba-cloud-revenue");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *a4_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *letter_path = g_build_filename (dir, "letter.pdf", NULL);
  g_autoptr(GFile) a4 = g_file_new_for_path (a4_path);
  g_autoptr(GFile) letter = g_file_new_for_path (letter_path);
  g_autoptr(GError) error = NULL;
  guint n_pages = 1 + mc_dataset_get_n_charts (dataset);

  g_assert_true (mc_report_write (dataset, a4, MC_PAPER_A4, &error));
  g_assert_no_error (error);
  check_report (a4_path, n_pages, "841.89 x 595.28 pts (A4)");
  g_assert_true (mc_report_write (dataset, letter, MC_PAPER_LETTER, &error));
  check_report (letter_path, n_pages, "792 x 612 pts (letter)");
  mc_test_remove_dir (dir);
}

/* What the report told: each page done, and the total each time. */
static void
count_pages (guint    done,
             guint    total,
             gpointer user_data)
{
  GArray *told = user_data;

  g_array_append_val (told, done);
  g_array_append_val (told, total);
}

/* The report tells how far it has come after each chart's page: 1, 2, …
 * of the number of charts. */
static void
test_export_report_progress (void)
{
  g_autoptr(McDataset) dataset = bundled_dataset ("alibaba-cloud-revenue");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  guint n_charts = mc_dataset_get_n_charts (dataset);

  g_assert_cmpuint (n_charts, >, 1);
  g_assert_true (mc_report_write_with_progress (dataset, file, MC_PAPER_A4, NULL, count_pages, told,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 2 * n_charts);
  for (guint i = 0; i < n_charts; i++)
    {
      g_assert_cmpuint (g_array_index (told, guint, 2 * i), ==, i + 1);
      g_assert_cmpuint (g_array_index (told, guint, 2 * i + 1), ==, n_charts);
    }
  mc_test_remove_dir (dir);
}

/* The paper of the locale: Letter in the Americas, A4 elsewhere. */
static void
test_export_report_paper (void)
{
  g_assert_cmpint (mc_paper_from_size (216, 279), ==, MC_PAPER_LETTER);
  g_assert_cmpint (mc_paper_from_size (210, 297), ==, MC_PAPER_A4);
  g_assert_cmpint (mc_paper_from_size (0, 0), ==, MC_PAPER_A4);
  /* C and German locales print on A4. */
  g_assert_cmpint (mc_paper_get_default (), ==, MC_PAPER_A4);
}

static gboolean
write_report (GFile     *file,
              gpointer   user_data,
              GError   **error)
{
  return mc_report_write (user_data, file, MC_PAPER_A4, error);
}

static void
test_export_report_failures (void)
{
  g_autoptr(McDataset) dataset = bundled_dataset ("alibaba-cloud-revenue");
  McTestWriter writer = { write_report, dataset, "report.pdf", MC_EXPORT_ERROR,
                          MC_EXPORT_ERROR_WRITE };
  g_autoptr(GError) read_only = mc_test_write_into_read_only_folder (&writer);
  g_autoptr(GError) full = mc_test_write_onto_full_disk (&writer, 4096);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/export/format-from-path", test_export_format_from_path);
  g_test_add_func ("/mc/export/png", test_export_png);
  g_test_add_func ("/mc/export/drawn", test_export_drawn);
  g_test_add_func ("/mc/export/bytes-and-options", test_export_bytes_and_options);
  g_test_add_func ("/mc/export/bad-options", test_export_bad_options);
  g_test_add_func ("/mc/export/svg", test_export_svg);
  g_test_add_func ("/mc/export/pdf", test_export_pdf);
  g_test_add_func ("/mc/export/missing-folder", test_export_missing_folder);
  g_test_add_func ("/mc/export/onto-folder", test_export_onto_folder);
  g_test_add_func ("/mc/export/device", test_export_device);
  g_test_add_func ("/mc/export/read-only-folder", test_export_read_only_folder);
  g_test_add_func ("/mc/export/disk-full", test_export_disk_full);
  g_test_add_func ("/mc/export/replace", test_export_replace);
  g_test_add_func ("/mc/export/report", test_export_report);
  g_test_add_func ("/mc/export/report-progress", test_export_report_progress);
  g_test_add_func ("/mc/export/report-paper", test_export_report_paper);
  g_test_add_func ("/mc/export/report-failures", test_export_report_failures);

  return g_test_run ();
}
