/* test-cli.c: the command line of the built program, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mc-test-files.h"
#include "mc-test-program.h"

/* Absolute, since the tests run in a folder of their own. */
static char *program;
static char *datasets_dir;

static char *
dataset_path (const char *name)
{
  return g_build_filename (datasets_dir, name, NULL);
}

#define run(result, ...) \
  mc_program_run ((result), program, NULL, (const char * const[]) { __VA_ARGS__, NULL })
#define assert_contains mc_test_assert_contains

static void
assert_file_starts_with (const char *path,
                         const char *prefix,
                         gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >=, length);
  g_assert_cmpmem (contents, length, prefix, length);
}

static char *
make_temp_dir (void)
{
  return mc_test_make_temp_dir ("market-charts-test");
}

static void
test_cli_version (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--version");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "market-charts " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_cli_help (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--help");
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, "--check");
  assert_contains (result.out, "--list");
  assert_contains (result.out, "--export=FILE");
  assert_contains (result.out, "--export-all=DIRECTORY");
  assert_contains (result.out, "--size=WIDTHxHEIGHT");
}

static void
test_cli_unknown_option (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--no-such-option");
  g_assert_cmpint (result.status, ==, 2);
  assert_contains (result.err, "--no-such-option");
  assert_contains (result.err, "--help");
  g_assert_cmpstr (result.out, ==, "");
}

static void
test_cli_check_bundled (void)
{
  g_auto(McProgramRun) result = { 0 };
  g_autofree char *investment = dataset_path ("cloud-investment.json");
  g_autofree char *revenue = dataset_path ("alibaba-cloud-revenue.json");
  g_autofree char *price = dataset_path ("alibaba-share-price.json");
  g_autofree char *line = NULL;

  run (&result, "--check", investment, revenue, price);
  g_assert_cmpint (result.status, ==, 0);

  line = g_strdup_printf ("%s: ok — id \"cloud-investment\", 5 rows, 6 columns, 2 charts\n",
                          investment);
  assert_contains (result.out, line);
  g_clear_pointer (&line, g_free);

  line = g_strdup_printf ("%s: ok — id \"alibaba-cloud-revenue\", 4 rows, 4 columns, 4 charts\n",
                          revenue);
  assert_contains (result.out, line);
  g_clear_pointer (&line, g_free);

  line = g_strdup_printf ("%s: ok — id \"alibaba-share-price\", 3 rows, 3 columns, 2 charts\n",
                          price);
  assert_contains (result.out, line);
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* The error names the file and the line:column of the mistake, and the
 * files after a bad one are still checked. */
static void
test_cli_check_bad (void)
{
  g_auto(McProgramRun) result = { 0 };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *bad = NULL;
  g_autofree char *good = dataset_path ("alibaba-cloud-revenue.json");
  g_autoptr(GRegex) regex = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *pattern = NULL;

  bad = write_temp_file (dir, "bad.json",
                         "{\n"
                         "  \"format\": \"market-charts/1\",\n"
                         "  \"id\": \"bad\",\n"
                         "  \"title\": \"Bad\",\n"
                         "  \"columns\": [ { \"id\": \"x\", \"type\": \"number\" } ],\n"
                         "  \"rows\": [ [ \"not a number\" ] ]\n"
                         "}\n");

  run (&result, "--check", bad, good);
  g_assert_cmpint (result.status, ==, 1);

  escaped = g_regex_escape_string (bad, -1);
  pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: ", escaped);
  regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  if (!g_regex_match (regex, result.err, 0, NULL))
    g_error ("no “FILE:LINE:COLUMN: ” error in:\n%s", result.err);

  assert_contains (result.out, "alibaba-cloud-revenue\", 4 rows");
  g_assert_null (strstr (result.out, "bad.json"));

  mc_test_remove_dir (dir);
}

/* Warnings do not fail the check; they read like a compiler's. */
static void
test_cli_check_warnings (void)
{
  g_auto(McProgramRun) result = { 0 };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *file = NULL;
  g_autofree char *prefix = NULL;

  file = write_temp_file (dir, "odd.json",
                          "{\n"
                          "  \"format\": \"market-charts/1\",\n"
                          "  \"id\": \"odd\",\n"
                          "  \"title\": \"Odd\",\n"
                          "  \"colour\": \"red\",\n"
                          "  \"columns\": [ { \"id\": \"x\", \"type\": \"number\" } ],\n"
                          "  \"rows\": [ [ 1 ] ]\n"
                          "}\n");
  prefix = g_strdup_printf ("%s:5:", file);

  run (&result, "--check", file);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.err, prefix));
  assert_contains (result.err, ": warning: ");
  assert_contains (result.err, "colour");
  assert_contains (result.out, "ok — id \"odd\", 1 row, 1 column, 0 charts\n");

  mc_test_remove_dir (dir);
}

/* With --verbose, the chart chosen for a table and why. */
static void
test_cli_check_verbose (void)
{
  g_auto(McProgramRun) result = { 0 };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *file = NULL;
  g_autofree char *note = NULL;

  file = write_temp_file (dir, "weather.csv",
                          "time,temperature (°C),rain (mm)\n"
                          "2024-01-01,3.5,0\n"
                          "2024-01-02,4.1,2.5\n"
                          "2024-01-03,1.2,0.4\n");
  run (&result, "--check", "--verbose", file);
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, "    chart chart: line; panels 'unit', x 'time', "
                               "y ['temperature_c', 'rain_mm']\n");
  note = g_strdup_printf ("%s: note: the columns are in different units, which never share "
                          "an axis: one panel per unit\n", file);
  assert_contains (result.out, note);

  mc_test_remove_dir (dir);
}

static void
test_cli_check_syntax_error (void)
{
  g_auto(McProgramRun) result = { 0 };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *bad = write_temp_file (dir, "broken.json", "{\n  \"format\": \n");
  g_autofree char *prefix = g_strdup_printf ("%s:", bad);

  run (&result, "--check", bad);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, prefix));
  g_assert_cmpstr (result.out, ==, "");

  mc_test_remove_dir (dir);
}

static void
test_cli_check_missing_file (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--check", "/nonexistent/market-charts/data.json");
  g_assert_cmpint (result.status, ==, 1);
  assert_contains (result.err, "data.json");
}

static void
test_cli_check_needs_files (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--check");
  g_assert_cmpint (result.status, ==, 2);
  assert_contains (result.err, "FILE");
}

static void
test_cli_list (void)
{
  static const char * const expected[] = {
    "cloud-investment — Cloud and AI investment commitments\n",
    "alibaba-cloud-revenue — Alibaba Cloud revenue\n",
    "alibaba-share-price — Alibaba share price and market value\n",
    "    investment ", "    market-share ",
    "    revenue ", "    revenue-growth ", "    apac-share ",
    "    price-and-market-cap ", "    market-cap ",
  };
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--list");
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_contains (result.out, expected[i]);
  assert_contains (result.out,
                   "Alibaba’s USD 50 bn is among the largest AI and cloud commitments");
}

static void
test_cli_list_takes_no_files (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--list", "extra.json");
  g_assert_cmpint (result.status, ==, 2);
  assert_contains (result.err, "extra.json");
}

static void
test_cli_export_formats (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.PDF", NULL);
  g_auto(McProgramRun) png_result = { 0 };
  g_auto(McProgramRun) svg_result = { 0 };
  g_auto(McProgramRun) pdf_result = { 0 };
  g_autofree char *svg_text = NULL;

  run (&png_result, "--export", png);
  g_assert_cmpint (png_result.status, ==, 0);
  assert_file_starts_with (png, "\x89PNG\r\n\x1a\n", 8);

  run (&svg_result, "--export", svg, "--dataset", "alibaba-cloud-revenue",
       "--chart", "apac-share", "--theme", "dark");
  g_assert_cmpint (svg_result.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  assert_contains (svg_text, "<svg");

  run (&pdf_result, "--export", pdf, "--dataset", "cloud-investment", "--chart", "market-share");
  g_assert_cmpint (pdf_result.status, ==, 0);
  assert_file_starts_with (pdf, "%PDF-", 5);

  mc_test_remove_dir (dir);
}

static guint32
read_be32 (const guchar *data)
{
  return ((guint32) data[0] << 24) | ((guint32) data[1] << 16) |
         ((guint32) data[2] << 8) | (guint32) data[3];
}

/* --size is in pixels at scale 1; --scale multiplies the PNG's pixels. */
static void
test_cli_export_size_and_scale (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "big.png", NULL);
  g_auto(McProgramRun) result = { 0 };
  g_autofree char *contents = NULL;
  gsize size = 0;

  run (&result, "--export", png, "--size", "400x300", "--scale", "2", "--transparent");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 24);
  /* The IHDR chunk: width and height follow the signature and chunk header. */
  g_assert_cmpuint (read_be32 ((guchar *) contents + 16), ==, 800);
  g_assert_cmpuint (read_be32 ((guchar *) contents + 20), ==, 600);

  mc_test_remove_dir (dir);
}

static void
test_cli_export_dataset_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "from-file.png", NULL);
  g_autofree char *dataset = dataset_path ("alibaba-share-price.json");
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--export", png, "--dataset", dataset, "--chart", "market-cap");
  g_assert_cmpint (result.status, ==, 0);
  assert_file_starts_with (png, "\x89PNG\r\n\x1a\n", 8);

  mc_test_remove_dir (dir);
}

static void
test_cli_export_unknown_dataset (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--export", "never-written.png", "--dataset", "no-such-dataset");
  g_assert_cmpint (result.status, ==, 2);
  assert_contains (result.err, "no-such-dataset");
  assert_contains (result.err, "cloud-investment");
  assert_contains (result.err, "alibaba-cloud-revenue");
  assert_contains (result.err, "alibaba-share-price");
  g_assert_false (g_file_test ("never-written.png", G_FILE_TEST_EXISTS));
}

static void
test_cli_export_unknown_chart (void)
{
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--export", "never-written.png",
       "--dataset", "alibaba-cloud-revenue", "--chart", "pie-in-the-sky");
  g_assert_cmpint (result.status, ==, 2);
  assert_contains (result.err, "pie-in-the-sky");
  assert_contains (result.err, "revenue, revenue-growth, revenue-and-growth, apac-share");
  g_assert_false (g_file_test ("never-written.png", G_FILE_TEST_EXISTS));
}

static void
test_cli_export_bad_options (void)
{
  static const char * const bad_sizes[] = { "0x5", "abc", "800x", "x600", "-5x100", "800x500x2" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_sizes); i++)
    {
      g_auto(McProgramRun) result = { 0 };

      run (&result, "--export", "never-written.png", "--size", bad_sizes[i]);
      g_assert_cmpint (result.status, ==, 2);
      assert_contains (result.err, bad_sizes[i]);
    }

  {
    g_auto(McProgramRun) result = { 0 };

    run (&result, "--export", "never-written.gif");
    g_assert_cmpint (result.status, ==, 2);
    assert_contains (result.err, "gif");
  }

  {
    g_auto(McProgramRun) result = { 0 };

    run (&result, "--export", "never-written.png", "--theme", "sepia");
    g_assert_cmpint (result.status, ==, 2);
    assert_contains (result.err, "sepia");
  }

  {
    g_auto(McProgramRun) result = { 0 };

    run (&result, "--export", "never-written.png", "--scale", "lots");
    g_assert_cmpint (result.status, ==, 2);
    assert_contains (result.err, "lots");
  }

  {
    g_auto(McProgramRun) result = { 0 };

    run (&result, "--chart", "revenue");
    g_assert_cmpint (result.status, ==, 2);
    assert_contains (result.err, "--export");
  }

  g_assert_false (g_file_test ("never-written.png", G_FILE_TEST_EXISTS));
}

/* Exports are drawn in the desktop's interface font, like the window,
 * or in the family --font names; a family the system lacks is refused. */
static void
test_cli_export_font (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *settings_dir = g_build_filename (dir, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *report = g_build_filename (dir, "report.pdf", NULL);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  {
    g_auto(McProgramRun) result = { 0 };

    run (&result, "--export", pdf, "--font", "DejaVu Serif");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (mc_test_pdf_has_font (pdf, "DejaVuSerif"));
  }

  {
    g_auto(McProgramRun) result = { 0 };

    run (&result, "--export-all", report, "--font", "DejaVu Sans Mono");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (mc_test_pdf_has_font (report, "DejaVuSansMono"));
  }

  {
    g_auto(McProgramRun) result = { 0 };

    run (&result, "--export", "never-written.png", "--font", "No Such Family");
    g_assert_cmpint (result.status, ==, 2);
    assert_contains (result.err, "No Such Family");
    g_assert_false (g_file_test ("never-written.png", G_FILE_TEST_EXISTS));
  }

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The desktop's interface settings (gsettings-desktop-schemas) are not "
                   "installed: exports keep the theme's default family");
      mc_test_remove_dir (dir);
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile,
                                      "[org/gnome/desktop/interface]\n"
                                      "font-name='DejaVu Serif 11'\n", -1, NULL));
  {
    const char * const env[] = { "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", dir, NULL };
    g_auto(McProgramRun) result = { 0 };

    g_remove (pdf);
    mc_program_run (&result, program, env,
                    (const char * const[]) { "--export", pdf, NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (mc_test_pdf_has_font (pdf, "DejaVuSerif"));
  }
  /* The report and every chart of --export-all too, whose family is
   * looked up once the dataset is read */
  {
    const char * const env[] = { "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", dir, NULL };
    g_autofree char *charts = g_build_filename (dir, "charts", NULL);
    g_autoptr(GDir) written = NULL;
    g_auto(McProgramRun) result = { 0 };
    g_auto(McProgramRun) all = { 0 };
    const char *name;

    g_remove (report);
    mc_program_run (&result, program, env,
                    (const char * const[]) { "--export-all", report, NULL });
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (mc_test_pdf_has_font (report, "DejaVuSerif"));

    mc_program_run (&all, program, env,
                    (const char * const[]) { "--export-all", charts, "--format", "pdf", NULL });
    g_assert_cmpint (all.status, ==, 0);
    written = g_dir_open (charts, 0, NULL);
    g_assert_nonnull (written);
    while ((name = g_dir_read_name (written)) != NULL)
      {
        g_autofree char *chart = g_build_filename (charts, name, NULL);

        g_assert_true (mc_test_pdf_has_font (chart, "DejaVuSerif"));
      }
  }

  mc_test_remove_dir (dir);
}

/* A path that cannot be written fails with status 1 and the reason. */
static void
test_cli_export_unwritable (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *blocker = write_temp_file (dir, "a-file", "not a folder\n");
  g_autofree char *inside_file = g_build_filename (blocker, "chart.png", NULL);
  g_auto(McProgramRun) result = { 0 };
  g_auto(McProgramRun) missing = { 0 };

  run (&result, "--export", inside_file);
  g_assert_cmpint (result.status, ==, 1);
  assert_contains (result.err, "chart.png");
  assert_contains (result.err, "directory");

  run (&missing, "--export", "/nonexistent/market-charts/chart.svg");
  g_assert_cmpint (missing.status, ==, 1);
  assert_contains (missing.err, "chart.svg");

  mc_test_remove_dir (dir);
}

static void
test_cli_export_all (void)
{
  static const char * const charts[] = { "revenue", "revenue-growth", "apac-share" };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "charts", NULL);
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--export-all", out, "--dataset", "alibaba-cloud-revenue", "--format", "svg");
  g_assert_cmpint (result.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *name = g_strdup_printf ("alibaba-cloud-revenue-%s.svg", charts[i]);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      assert_contains (text, "<svg");
      assert_contains (result.out, name);
    }

  mc_test_remove_dir (dir);
}

/* Binary files may hold NUL bytes before what is looked for. */
static gboolean
data_contains (const char *data,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* A name ending in .pdf is one report of every chart; a folder of that
 * name is still a folder. */
static void
test_cli_export_all_report (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *report = g_build_filename (dir, "report.PDF", NULL);
  g_autofree char *folder = g_build_filename (dir, "charts.pdf", NULL);
  g_autofree char *in_folder = g_build_filename (folder, "alibaba-cloud-revenue-revenue.png",
                                                 NULL);
  g_auto(McProgramRun) result = { 0 };
  g_auto(McProgramRun) sized = { 0 };
  g_auto(McProgramRun) into_folder = { 0 };
  g_autofree char *text = NULL;
  gsize length;

  run (&result, "--export-all", report, "--dataset", "alibaba-cloud-revenue");
  g_assert_cmpint (result.status, ==, 0);
  assert_contains (result.out, "report.PDF");
  g_assert_true (g_file_get_contents (report, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  /* A title page and four charts. */
  g_assert_true (data_contains (text, length, "/Count 5\n"));

  run (&sized, "--export-all", report, "--size", "800x500");
  g_assert_cmpint (sized.status, ==, 2);
  assert_contains (sized.err, "do not apply to a PDF report");

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  run (&into_folder, "--export-all", folder, "--dataset", "alibaba-cloud-revenue");
  g_assert_cmpint (into_folder.status, ==, 0);
  g_assert_true (g_file_test (in_folder, G_FILE_TEST_EXISTS));
  mc_test_remove_dir (dir);
}

static void
test_cli_export_all_bad_format (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_auto(McProgramRun) result = { 0 };

  run (&result, "--export-all", dir, "--format", "bmp");
  g_assert_cmpint (result.status, ==, 2);
  assert_contains (result.err, "bmp");

  mc_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work_dir = NULL;
  g_autofree char *built = NULL;
  g_autofree char *dist = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  built = g_test_build_filename (G_TEST_BUILT, "..", "src", "market-charts", NULL);
  dist = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", NULL);
  program = g_canonicalize_filename (built, NULL);
  datasets_dir = g_canonicalize_filename (dist, NULL);

  /* Relative output paths land in a folder of our own. */
  work_dir = make_temp_dir ();
  g_assert_cmpint (g_chdir (work_dir), ==, 0);

  g_test_add_func ("/mc/cli/version", test_cli_version);
  g_test_add_func ("/mc/cli/help", test_cli_help);
  g_test_add_func ("/mc/cli/unknown-option", test_cli_unknown_option);
  g_test_add_func ("/mc/cli/check/bundled", test_cli_check_bundled);
  g_test_add_func ("/mc/cli/check/bad", test_cli_check_bad);
  g_test_add_func ("/mc/cli/check/warnings", test_cli_check_warnings);
  g_test_add_func ("/mc/cli/check/verbose", test_cli_check_verbose);
  g_test_add_func ("/mc/cli/check/syntax-error", test_cli_check_syntax_error);
  g_test_add_func ("/mc/cli/check/missing-file", test_cli_check_missing_file);
  g_test_add_func ("/mc/cli/check/needs-files", test_cli_check_needs_files);
  g_test_add_func ("/mc/cli/list", test_cli_list);
  g_test_add_func ("/mc/cli/list/no-files", test_cli_list_takes_no_files);
  g_test_add_func ("/mc/cli/export/formats", test_cli_export_formats);
  g_test_add_func ("/mc/cli/export/size-and-scale", test_cli_export_size_and_scale);
  g_test_add_func ("/mc/cli/export/dataset-file", test_cli_export_dataset_file);
  g_test_add_func ("/mc/cli/export/unknown-dataset", test_cli_export_unknown_dataset);
  g_test_add_func ("/mc/cli/export/unknown-chart", test_cli_export_unknown_chart);
  g_test_add_func ("/mc/cli/export/bad-options", test_cli_export_bad_options);
  g_test_add_func ("/mc/cli/export/font", test_cli_export_font);
  g_test_add_func ("/mc/cli/export/unwritable", test_cli_export_unwritable);
  g_test_add_func ("/mc/cli/export-all", test_cli_export_all);
  g_test_add_func ("/mc/cli/export-all/bad-format", test_cli_export_all_bad_format);
  g_test_add_func ("/mc/cli/export-all/report", test_cli_export_all_report);

  status = g_test_run ();
  mc_test_remove_dir (work_dir);
  g_free (program);
  g_free (datasets_dir);

  return status;
}
