/* mc-cli.c: the command line modes (check, list, export), without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-cli.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mc-bundled.h"
#include "mc-chart-model.h"
#include "mc-cli-progress.h"
#include "mc-dataset.h"
#include "mc-export.h"
#include "mc-font.h"
#include "mc-loader.h"
#include "mc-report.h"
#include "mc-timing.h"
#include "mc-writer.h"

G_DEFINE_QUARK (mc-cli-error-quark, mc_cli_error)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check files (datasets, tables, records, workbooks, web pages) and print a summary "
       "of each"), NULL },
  { "list", 'l', 0, G_OPTION_ARG_NONE, NULL,
    N_("List the bundled datasets and their charts"), NULL },
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a chart to FILE; its extension chooses PNG, SVG or PDF"), N_("FILE") },
  { "export-all", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export every chart of the dataset into DIRECTORY, or as one PDF report when "
       "it ends in .pdf"), N_("DIRECTORY|FILE.pdf") },
  { "dataset", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Dataset to export: the id of a bundled dataset or a file (default: the first "
       "bundled dataset)"), N_("ID|FILE") },
  { "chart", 'c', 0, G_OPTION_ARG_STRING, NULL,
    N_("Chart to export (default: the dataset’s first)"), N_("ID") },
  { "size", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Size of the exported chart (default: 800x500)"), N_("WIDTHxHEIGHT") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Pixel density of PNG exports, e.g. 2 for high-resolution screens"), N_("N") },
  { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Colours of the exported chart: light or dark (default: light)"), N_("THEME") },
  { "transparent", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Export without a background"), NULL },
  { "font", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Font family of the exported charts (default: the desktop’s interface font)"),
    N_("FAMILY") },
  { "format", 'f', 0, G_OPTION_ARG_STRING, NULL,
    N_("File format of --export-all: png, svg or pdf (default: png)"), N_("FORMAT") },
  { "convert", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the dataset to FILE as a dataset file (.json) or a CSV table (.csv)"),
    N_("FILE") },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Sheet of a workbook to read: its name or its number"), N_("NAME|N") },
  { "records", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Where the records of a JSON file are, e.g. data.items"), N_("PATH") },
  { "delimiter", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Field separator of a CSV file: , ; tab or | (default: found from the file)"),
    N_("CHAR") },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("With --check, print each column with its type, unit and scale, each chart with "
       "its options, and why a chart was chosen for a table that declares none"), NULL },
  { NULL }
};

/**
 * mc_cli_get_option_entries:
 *
 * Returns: the options of the command line modes, without their
 *   arg_data: the application's GVariantDict or mc_cli_main() fills them
 */
const GOptionEntry *
mc_cli_get_option_entries (void)
{
  return option_entries;
}

static int
exit_status_for_error (const GError *error)
{
  if (g_error_matches (error, MC_CLI_ERROR, MC_CLI_ERROR_USAGE) ||
      g_error_matches (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_FORMAT) ||
      g_error_matches (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_SIZE))
    return MC_CLI_EXIT_USAGE;

  return MC_CLI_EXIT_FAILURE;
}

static int
report_error (const GError *error)
{
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  if (exit_status_for_error (error) == MC_CLI_EXIT_USAGE)
    g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());

  return exit_status_for_error (error);
}

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, MC_CLI_ERROR, MC_CLI_ERROR_USAGE, message);

  return FALSE;
}

/* Reading options */

static gboolean
build_load_options (const McCliExportArgs  *args,
                    McLoadOptions          *options,
                    GError                **error)
{
  *options = (McLoadOptions) { (char *) args->sheet, (char *) args->records, 0, NULL };
  if (args->delimiter != NULL && !mc_load_options_parse_delimiter (args->delimiter,
                                                                   &options->delimiter))
    return usage_error (error, _("Invalid delimiter “%s”: expected “,”, “;”, “tab” or “|”"),
                        args->delimiter);
  return TRUE;
}

/* --check */

/* The loader names a file by its base name; on the command line, the
 * name the user typed is the one to show. */
static char *
dup_message_for_path (const char *path,
                      const char *message)
{
  g_autofree char *basename = g_path_get_basename (path);
  gsize length = strlen (basename);

  if (strncmp (message, basename, length) == 0 && message[length] == ':')
    return g_strconcat (path, message + length, NULL);

  return g_strdup (message);
}

static void
print_summary (const char *file,
               McDataset  *dataset)
{
  guint n_rows = mc_dataset_get_n_rows (dataset);
  guint n_columns = mc_dataset_get_n_columns (dataset);
  guint n_charts = mc_dataset_get_n_charts (dataset);
  g_autofree char *rows = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *charts = NULL;

  rows = g_strdup_printf (ngettext ("%u row", "%u rows", n_rows), n_rows);
  columns = g_strdup_printf (ngettext ("%u column", "%u columns", n_columns), n_columns);
  charts = g_strdup_printf (ngettext ("%u chart", "%u charts", n_charts), n_charts);

  /* Translators: the summary of a valid file: "FILE: ok — id "ID", 4 rows,
   * 4 columns, 3 charts" */
  g_print (_("%s: ok — id \"%s\", %s, %s, %s\n"),
           file, mc_dataset_get_id (dataset), rows, columns, charts);
}

/* The length of "FILE:LINE:COLUMN" at the start of @message, 0 if the
 * message does not start with @path. */
static gsize
location_length (const char *path,
                 const char *message)
{
  gsize length = strlen (path);

  if (strncmp (message, path, length) != 0)
    return 0;

  while (message[length] == ':' && g_ascii_isdigit (message[length + 1]))
    {
      length++;
      while (g_ascii_isdigit (message[length]))
        length++;
    }

  return length;
}

/* As compilers do: "FILE:LINE:COLUMN: warning: what". */
static void
print_warnings (const char *file,
                McDataset  *dataset)
{
  const char * const *warnings = mc_dataset_get_warnings (dataset);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    {
      g_autofree char *message = dup_message_for_path (file, warnings[i]);
      gsize length = location_length (file, message);
      g_autofree char *location = NULL;
      const char *text = message;

      if (length > 0 && g_str_has_prefix (message + length, ": "))
        {
          location = g_strndup (message, length);
          text = message + length + 2;
        }

      g_printerr (_("%s: warning: %s\n"), location != NULL ? location : file, text);
    }
}

/* @text, then spaces up to @width characters (not bytes: ids and
 * units may be Chinese) and one more. */
static void
print_padded (const char *text,
              int         width)
{
  g_print ("%s%*s ", text, MAX (0, width - (int) g_utf8_strlen (text, -1)), "");
}

/* "  revenue   number   USD   billion   Revenue" */
static void
print_columns (McDataset *dataset)
{
  int id_width = 20;
  int unit_width = 8;

  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);
      const char *unit = mc_column_get_unit (column);

      id_width = MAX (id_width, (int) g_utf8_strlen (mc_column_get_id (column), -1));
      unit_width = MAX (unit_width, unit ? (int) g_utf8_strlen (unit, -1) : 0);
    }
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);
      const char *unit = mc_column_get_unit (column);

      g_print ("    ");
      print_padded (mc_column_get_id (column), id_width);
      print_padded (mc_column_type_to_string (mc_column_get_column_type (column)), 8);
      print_padded (unit ? unit : "-", unit_width);
      print_padded (mc_scale_to_string (mc_column_get_scale (column)), 9);
      g_print ("%s\n", mc_column_get_label (column));
    }
}

/* "chart: line; x year, y revenue, panels unit" */
static void
print_charts (McDataset *dataset)
{
  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (dataset, i);
      g_auto(GStrv) keys = mc_chart_spec_list_options (spec);
      GString *options = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *value = g_variant_print (mc_chart_spec_get_option (spec, keys[k]),
                                                    FALSE);

          g_string_append_printf (options, "%s%s %s", k > 0 ? ", " : "", keys[k], value);
        }
      text = g_string_free (options, FALSE);
      /* Translators: a chart in the listing of --check --verbose: its id,
       * its type, its options */
      g_print (_("    chart %s: %s; %s\n"), spec->id, spec->type, text);
    }
}

/* What reading decided, such as the chart chosen for a table, with its
 * reasons: "FILE: note: “Date” holds dates: a line over time". */
static void
print_notes (const char *path,
             McDataset  *dataset)
{
  const char * const *notes = mc_dataset_get_notes (dataset);

  for (guint i = 0; notes[i] != NULL; i++)
    {
      g_autofree char *message = dup_message_for_path (path, notes[i]);
      const char *text = g_str_has_prefix (message, path) && message[strlen (path)] == ':'
                         ? message + strlen (path) + 2 : message;

      /* Translators: a note of --check --verbose, as compilers write
       * them: "FILE: note: what was decided" */
      g_print (_("%s: note: %s\n"), path, text);
    }
}

static gboolean
check_file (const char          *path,
            const McLoadOptions *options,
            gboolean             verbose)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = mc_cli_progress_load (file, options, &error);
  if (dataset == NULL)
    {
      g_autofree char *message = dup_message_for_path (path, error->message);

      g_printerr ("%s\n", message);
      return FALSE;
    }

  print_warnings (path, dataset);
  print_summary (path, dataset);
  if (verbose)
    {
      print_columns (dataset);
      print_charts (dataset);
      print_notes (path, dataset);
    }

  return TRUE;
}

/**
 * mc_cli_check:
 * @files: the files to validate
 *
 * Loads every file and prints one summary line per valid file on stdout
 * and the loader's error for every invalid one on stderr.
 *
 * Returns: 0 when every file is valid, 1 otherwise
 */
int
mc_cli_check (const char * const *files)
{
  McCliExportArgs args = { 0 };

  return mc_cli_check_full (files, &args, FALSE);
}

/**
 * mc_cli_check_full:
 * @args: how to read the files (sheet, records, delimiter)
 * @verbose: print each file's columns with their type, unit and scale,
 *   its charts, and the notes of reading it (the default chart and why)
 *
 * Returns: 0 when every file is valid, 1 otherwise, 2 for bad options
 */
int
mc_cli_check_full (const char * const    *files,
                   const McCliExportArgs *args,
                   gboolean               verbose)
{
  g_autoptr(GError) error = NULL;
  gboolean all_valid = TRUE;
  McLoadOptions options;

  g_return_val_if_fail (files != NULL, MC_CLI_EXIT_USAGE);

  if (!build_load_options (args, &options, &error))
    return report_error (error);
  for (guint i = 0; files[i] != NULL; i++)
    {
      if (!check_file (files[i], &options, verbose))
        all_valid = FALSE;
    }

  return all_valid ? MC_CLI_EXIT_SUCCESS : MC_CLI_EXIT_FAILURE;
}

/* --list */

static int
max_chart_id_width (GPtrArray *datasets)
{
  int width = 0;

  for (guint i = 0; i < datasets->len; i++)
    {
      McDataset *dataset = g_ptr_array_index (datasets, i);

      for (guint j = 0; j < mc_dataset_get_n_charts (dataset); j++)
        {
          const McChartSpec *spec = mc_dataset_get_chart (dataset, j);

          width = MAX (width, (int) g_utf8_strlen (spec->id, -1));
        }
    }

  return width;
}

static void
print_dataset (McDataset *dataset,
               int        id_width)
{
  g_print ("%s — %s\n", mc_dataset_get_id (dataset), mc_dataset_get_title (dataset));

  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (dataset, i);
      int padding = id_width - (int) g_utf8_strlen (spec->id, -1);

      g_print ("    %s%*s  %-4s  %s\n",
               spec->id, padding, "",
               spec->type,
               spec->title != NULL ? spec->title : "");
    }
}

/**
 * mc_cli_list:
 *
 * Prints the bundled datasets, each with its charts (id, type and title).
 *
 * Returns: the exit status
 */
int
mc_cli_list (void)
{
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GError) error = NULL;
  int id_width;

  datasets = mc_bundled_load_all (&error);
  if (datasets == NULL)
    return report_error (error);

  id_width = max_chart_id_width (datasets);
  for (guint i = 0; i < datasets->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      print_dataset (g_ptr_array_index (datasets, i), id_width);
    }

  return MC_CLI_EXIT_SUCCESS;
}

/* --export and --export-all: checking the arguments */

gboolean
mc_cli_parse_size (const char  *text,
                   double      *width,
                   double      *height,
                   GError     **error)
{
  guint64 w = 0;
  guint64 h = 0;
  const char *separator;
  g_autofree char *w_text = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  separator = strchr (text, 'x');
  if (separator == NULL)
    separator = strstr (text, "×");

  if (separator == NULL)
    return usage_error (error, _("Invalid size “%s”: expected WIDTHxHEIGHT in pixels, "
                                 "e.g. 1200x800"), text);

  w_text = g_strndup (text, separator - text);
  separator = g_utf8_next_char (separator);

  if (!g_ascii_string_to_unsigned (w_text, 10, 0, G_MAXINT, &w, NULL) ||
      !g_ascii_string_to_unsigned (separator, 10, 0, G_MAXINT, &h, NULL))
    return usage_error (error, _("Invalid size “%s”: expected WIDTHxHEIGHT in pixels, "
                                 "e.g. 1200x800"), text);

  if (w < MC_EXPORT_MIN_SIZE || h < MC_EXPORT_MIN_SIZE ||
      w > MC_EXPORT_MAX_SIZE || h > MC_EXPORT_MAX_SIZE)
    return usage_error (error, _("Invalid size “%s”: width and height must be between "
                                 "%d and %d pixels"),
                        text, (int) MC_EXPORT_MIN_SIZE, (int) MC_EXPORT_MAX_SIZE);

  *width = w;
  *height = h;

  return TRUE;
}

static gboolean
parse_scale (const char  *text,
             double      *scale,
             GError     **error)
{
  char *end = NULL;
  double value;

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' ||
      !(value >= MC_EXPORT_MIN_SCALE && value <= MC_EXPORT_MAX_SCALE))
    return usage_error (error, _("Invalid scale “%s”: expected a number from %g to %g"),
                        text, MC_EXPORT_MIN_SCALE, MC_EXPORT_MAX_SCALE);

  *scale = value;

  return TRUE;
}

static gboolean
parse_theme (const char  *text,
             gboolean    *dark,
             GError     **error)
{
  if (g_strcmp0 (text, "light") == 0)
    *dark = FALSE;
  else if (g_strcmp0 (text, "dark") == 0)
    *dark = TRUE;
  else
    return usage_error (error, _("Invalid theme “%s”: expected “light” or “dark”"), text);

  return TRUE;
}

/* Charts are drawn in the family of the desktop's interface, as in the
 * window, unless --font names another that this system has. */
static gboolean
choose_font_family (const McCliExportArgs  *args,
                    const char            **family,
                    GError                **error)
{
  if (args->font == NULL)
    {
      *family = mc_font_get_desktop_family ();
      return TRUE;
    }
  if (*args->font == '\0' || !mc_font_family_exists (args->font))
    return usage_error (error, _("Unknown font family “%s”: “fc-list : family” lists "
                                 "the families of this system"), args->font);
  *family = g_intern_string (args->font);
  return TRUE;
}

static gboolean
build_export_options (const McCliExportArgs  *args,
                      McExportOptions        *options,
                      GError                **error)
{
  mc_export_options_init (options);
  options->transparent = args->transparent;

  if (!choose_font_family (args, &options->font_family, error))
    return FALSE;

  if (args->size != NULL &&
      !mc_cli_parse_size (args->size, &options->width, &options->height, error))
    return FALSE;

  if (args->scale != NULL && !parse_scale (args->scale, &options->scale, error))
    return FALSE;

  if (args->theme != NULL && !parse_theme (args->theme, &options->dark, error))
    return FALSE;

  return TRUE;
}

static gboolean
parse_format_name (const char      *name,
                   McExportFormat  *format,
                   GError         **error)
{
  static const McExportFormat formats[] = { MC_EXPORT_PNG, MC_EXPORT_SVG, MC_EXPORT_PDF };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *extension = mc_export_format_get_extension (formats[i]);

      if (extension[0] == '.')
        extension++;

      if (g_ascii_strcasecmp (name, extension) == 0)
        {
          *format = formats[i];
          return TRUE;
        }
    }

  return usage_error (error, _("Invalid format “%s”: expected “png”, “svg” or “pdf”"), name);
}

/* --export and --export-all: finding the dataset and the chart */

static char *
join_dataset_ids (GPtrArray *datasets)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < datasets->len; i++)
    {
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, mc_dataset_get_id (g_ptr_array_index (datasets, i)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static McDataset *
find_bundled (GPtrArray  *datasets,
              const char *id)
{
  for (guint i = 0; i < datasets->len; i++)
    {
      McDataset *dataset = g_ptr_array_index (datasets, i);

      if (id == NULL || g_strcmp0 (mc_dataset_get_id (dataset), id) == 0)
        return g_object_ref (dataset);
    }

  return NULL;
}

static gboolean
names_a_file (const char *name)
{
  return strchr (name, G_DIR_SEPARATOR) != NULL ||
         g_str_has_suffix (name, ".json") ||
         g_str_has_suffix (name, ".csv") ||
         g_file_test (name, G_FILE_TEST_EXISTS);
}

/* Nothing is lost silently: the warnings of a file go to stderr. */
static McDataset *
load_dataset_file (const char             *path,
                   const McCliExportArgs  *args,
                   GError                **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) local_error = NULL;
  McLoadOptions options;
  McDataset *dataset;

  if (!build_load_options (args, &options, error))
    return NULL;
  dataset = mc_cli_progress_load (file, &options, &local_error);
  if (dataset == NULL)
    {
      g_autofree char *message = dup_message_for_path (path, local_error->message);

      g_set_error_literal (error, MC_CLI_ERROR, MC_CLI_ERROR_FAILED, message);
      return NULL;
    }
  print_warnings (path, dataset);

  return dataset;
}

/* @name is a bundled dataset's id or a dataset file; NULL means the first
 * bundled dataset. An id wins over a file of the same name. */
static McDataset *
resolve_dataset (const McCliExportArgs  *args,
                 GError                **error)
{
  const char *name = args->dataset;
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *ids = NULL;
  McDataset *dataset;

  /* Only the dataset asked for is loaded: the others are needed just for
   * the default (the first one) and for the list of ids in an error. */
  if (name != NULL)
    {
      dataset = mc_bundled_lookup (name, &local_error);
      if (dataset != NULL)
        return dataset;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (names_a_file (name))
        return load_dataset_file (name, args, error);
    }

  datasets = mc_bundled_load_all (error);
  if (datasets == NULL)
    return NULL;

  dataset = find_bundled (datasets, name);
  if (dataset != NULL)
    return dataset;

  ids = join_dataset_ids (datasets);
  if (name == NULL)
    usage_error (error, _("There are no bundled datasets"));
  else
    usage_error (error, _("Unknown dataset “%s”. Give a dataset file or one of the "
                          "bundled datasets: %s"), name, ids);

  return NULL;
}

static char *
join_chart_ids (McDataset *dataset)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    {
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, mc_dataset_get_chart (dataset, i)->id);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static const McChartSpec *
resolve_chart (McDataset   *dataset,
               const char  *id,
               GError     **error)
{
  const McChartSpec *spec;
  g_autofree char *ids = NULL;

  if (mc_dataset_get_n_charts (dataset) == 0)
    {
      g_set_error (error, MC_CLI_ERROR, MC_CLI_ERROR_FAILED,
                   _("Dataset “%s” has no charts"), mc_dataset_get_id (dataset));
      return NULL;
    }

  if (id == NULL)
    return mc_dataset_get_chart (dataset, 0);

  spec = mc_dataset_lookup_chart (dataset, id);
  if (spec != NULL)
    return spec;

  ids = join_chart_ids (dataset);
  usage_error (error, _("Unknown chart “%s” in dataset “%s”. Its charts are: %s"),
               id, mc_dataset_get_id (dataset), ids);

  return NULL;
}

/* --export and --export-all: writing */

/* The chart and the dataset of a single export, let go beside the
 * writing of its file once the chart is drawn (McExportDrawnFunc): the
 * pages of ten million values take some 6 ms to give back, about as
 * long as the file takes to write. */
typedef struct
{
  McChartModel *chart;
  McDataset    *dataset;
  GThread      *thread;
} Release;

static gpointer
release_now (gpointer data)
{
  Release *release = data;

  g_clear_object (&release->chart);
  g_clear_object (&release->dataset);
  return NULL;
}

static void
release_beside_writing (gpointer data)
{
  Release *release = data;

  release->thread = g_thread_try_new ("mc-release", release_now, release, NULL);
  if (release->thread == NULL)
    release_now (release);
}

/* Done, whether the chart was drawn or not */
static void
release_finish (Release *release)
{
  if (release->thread != NULL)
    g_thread_join (release->thread);
  release->thread = NULL;
  release_now (release);
}

/* Exports @spec's chart of @dataset. With @release, which holds a
 * reference to @dataset, the chart model goes to it too, to be let go
 * once drawn (release_beside_writing() in @options). */
static gboolean
export_one (McDataset              *dataset,
            const McChartSpec      *spec,
            GFile                  *file,
            McExportFormat          format,
            const McExportOptions  *options,
            Release                *release,
            GError                **error)
{
  g_autoptr(McChartModel) chart = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  McChartModel *drawn;

  chart = mc_chart_model_new (dataset, spec, &local_error);
  mc_timing_mark ("prepare");
  if (chart == NULL)
    {
      g_set_error (error, MC_CLI_ERROR, MC_CLI_ERROR_FAILED,
                   _("Cannot draw chart “%s” of dataset “%s”: %s"),
                   spec->id, mc_dataset_get_id (dataset), local_error->message);
      return FALSE;
    }

  /* Not to be used once drawn, when the release has it */
  drawn = chart;
  if (release != NULL)
    release->chart = g_steal_pointer (&chart);
  if (!mc_export_chart (drawn, file, format, options, error))
    return FALSE;

  display_name = g_file_get_parse_name (file);
  /* Below the line of the progress of --export-all. */
  mc_cli_progress_end ();
  g_print ("%s\n", display_name);

  return TRUE;
}

static gboolean
export_chart (const char             *output,
              const McCliExportArgs  *args,
              GError                **error)
{
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  McExportOptions options;
  McExportFormat format;
  const McChartSpec *spec;

  if (args->format != NULL)
    return usage_error (error, _("--format only applies to --export-all; --export takes "
                                 "the format from the file name"));

  if (!mc_export_format_from_path (output, &format, error) ||
      !build_export_options (args, &options, error))
    return FALSE;

  mc_timing_start ();
  dataset = resolve_dataset (args, error);
  mc_timing_mark ("load");
  if (dataset == NULL)
    return FALSE;

  spec = resolve_chart (dataset, args->chart, error);
  if (spec == NULL)
    return FALSE;

  file = g_file_new_for_commandline_arg (output);

  {
    Release release = { NULL, g_steal_pointer (&dataset), NULL };
    gboolean ok;

    options.drawn = release_beside_writing;
    options.drawn_data = &release;
    ok = export_one (release.dataset, spec, file, format, &options, &release, error);
    release_finish (&release);
    return ok;
  }
}

/**
 * mc_cli_export:
 * @output: the file to write; its extension chooses the format
 * @args: the dataset, chart and rendering options
 *
 * Exports one chart.
 *
 * Returns: 0 on success, 1 when the chart could not be drawn or written,
 *   2 when the arguments are wrong
 */
int
mc_cli_export (const char            *output,
               const McCliExportArgs *args)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (output != NULL, MC_CLI_EXIT_USAGE);
  g_return_val_if_fail (args != NULL, MC_CLI_EXIT_USAGE);

  if (!export_chart (output, args, &error))
    return report_error (error);

  return MC_CLI_EXIT_SUCCESS;
}

static gboolean
make_directory (GFile   *directory,
                GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (directory, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_set_error (error, MC_CLI_ERROR, MC_CLI_ERROR_FAILED,
               _("Cannot create folder “%s”: %s"),
               g_file_peek_path (directory), local_error->message);

  return FALSE;
}

static GFile *
export_all_child (GFile          *directory,
                  McDataset      *dataset,
                  const char     *chart_id,
                  McExportFormat  format)
{
  g_autofree char *name = mc_export_chart_file_name (dataset, chart_id, format);

  return g_file_get_child (directory, name);
}

/* Writes every chart, going on after a failure, which it reports. */
static gboolean
export_all_charts (GFile                  *directory,
                   McDataset              *dataset,
                   McExportFormat          format,
                   const McExportOptions  *options,
                   GError                **error)
{
  guint n_charts = mc_dataset_get_n_charts (dataset);
  guint n_failed = 0;

  for (guint i = 0; i < n_charts; i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (dataset, i);
      g_autoptr(GFile) file = export_all_child (directory, dataset, spec->id, format);
      g_autoptr(GError) local_error = NULL;

      mc_cli_progress_step (i + 1, n_charts, spec->id);
      if (!export_one (dataset, spec, file, format, options, NULL, &local_error))
        {
          mc_cli_progress_end ();
          g_printerr ("%s: %s\n", g_get_prgname (), local_error->message);
          n_failed++;
        }
    }
  mc_cli_progress_end ();

  if (n_failed > 0)
    {
      g_set_error (error, MC_CLI_ERROR, MC_CLI_ERROR_FAILED,
                   ngettext ("%u of %u charts could not be exported",
                             "%u of %u charts could not be exported", n_charts),
                   n_failed, n_charts);
      return FALSE;
    }

  return TRUE;
}

/* A name ending in .pdf that is not a folder asks for a report. */
static gboolean
names_report (const char *output)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);

  return g_str_has_suffix (lower, ".pdf") && !g_file_test (output, G_FILE_TEST_IS_DIR);
}

/* Each page of the report on the terminal's line, named by its chart. */
static void
show_report_progress (guint    done,
                      guint    total,
                      gpointer user_data)
{
  McDataset *dataset = user_data;

  if (done < total)
    mc_cli_progress_step (done + 1, total, mc_dataset_get_chart (dataset, done)->id);
}

static gboolean
export_report (const char             *output,
               const McCliExportArgs  *args,
               GError                **error)
{
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *display_name = NULL;
  const char *font_family = NULL;

  if (args->format != NULL || args->size != NULL || args->scale != NULL
      || args->theme != NULL || args->transparent)
    return usage_error (error, _("--format, --size, --scale, --theme and --transparent do "
                                 "not apply to a PDF report, whose pages have the paper "
                                 "size of your language settings"));
  if (!choose_font_family (args, &font_family, error))
    return FALSE;
  dataset = resolve_dataset (args, error);
  if (dataset == NULL)
    return FALSE;
  file = g_file_new_for_commandline_arg (output);
  if (mc_dataset_get_n_charts (dataset) > 0)
    mc_cli_progress_step (1, mc_dataset_get_n_charts (dataset),
                          mc_dataset_get_chart (dataset, 0)->id);
  if (!mc_report_write_with_progress (dataset, file, mc_paper_get_default (), font_family,
                                      show_report_progress, dataset, error))
    {
      mc_cli_progress_end ();
      return FALSE;
    }
  mc_cli_progress_end ();
  display_name = g_file_get_parse_name (file);
  g_print ("%s\n", display_name);
  return TRUE;
}

static gboolean
export_all (const char             *output_dir,
            const McCliExportArgs  *args,
            GError                **error)
{
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GFile) directory = NULL;
  McExportFormat format = MC_EXPORT_PNG;
  McExportOptions options;

  if (args->chart != NULL)
    return usage_error (error, _("--chart only applies to --export; --export-all writes "
                                 "every chart of the dataset"));
  if (names_report (output_dir))
    return export_report (output_dir, args, error);

  if ((args->format != NULL && !parse_format_name (args->format, &format, error)) ||
      !build_export_options (args, &options, error))
    return FALSE;

  dataset = resolve_dataset (args, error);
  if (dataset == NULL)
    return FALSE;

  if (mc_dataset_get_n_charts (dataset) == 0)
    {
      g_set_error (error, MC_CLI_ERROR, MC_CLI_ERROR_FAILED,
                   _("Dataset “%s” has no charts"), mc_dataset_get_id (dataset));
      return FALSE;
    }

  directory = g_file_new_for_commandline_arg (output_dir);
  if (!make_directory (directory, error))
    return FALSE;

  return export_all_charts (directory, dataset, format, &options, error);
}

/**
 * mc_cli_export_all:
 * @directory: the folder to write into (created if needed)
 * @args: the dataset, format and rendering options
 *
 * Exports every chart of a dataset as DIRECTORY/DATASET-CHART.EXT, or,
 * when @directory ends in ".pdf" and is not a folder, as a PDF report.
 *
 * Returns: 0 on success, 1 when a chart could not be drawn or written,
 *   2 when the arguments are wrong
 */
int
mc_cli_export_all (const char            *directory,
                   const McCliExportArgs *args)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (directory != NULL, MC_CLI_EXIT_USAGE);
  g_return_val_if_fail (args != NULL, MC_CLI_EXIT_USAGE);

  if (!export_all (directory, args, &error))
    return report_error (error);

  return MC_CLI_EXIT_SUCCESS;
}

/* --convert */

/* A dataset file (.json), or its table as CSV (.csv) under a header whose
 * units read back: "Revenue (USD bn)". Both replace @file atomically. */
static gboolean
write_converted (McDataset   *dataset,
                 GFile       *file,
                 const char  *output,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (g_str_has_suffix (output, ".csv") || g_str_has_suffix (output, ".CSV"))
    ok = mc_writer_write_table_file (dataset, file, &local_error);
  else if (g_str_has_suffix (output, ".json") || g_str_has_suffix (output, ".JSON"))
    ok = mc_writer_write_file (dataset, file, NULL, &local_error);
  else
    return usage_error (error, _("Cannot tell the format of “%s”: name the file .json for a "
                                 "dataset file or .csv for a table"), output);
  if (!ok)
    {
      g_set_error_literal (error, MC_CLI_ERROR, MC_CLI_ERROR_FAILED, local_error->message);
      return FALSE;
    }
  g_print ("%s\n", output);
  return TRUE;
}

/**
 * mc_cli_convert:
 * @output: the file to write: a dataset file (.json) or a CSV table
 * @args: the dataset and how to read it
 *
 * Writes any file the program opens as a dataset file of format version
 * 1, with its default chart, or as CSV; atomically.
 *
 * Returns: 0 on success, 1 when the dataset could not be read or the file
 *   written, 2 when the arguments are wrong
 */
int
mc_cli_convert (const char            *output,
                const McCliExportArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (output != NULL, MC_CLI_EXIT_USAGE);

  if (args->chart != NULL || args->size != NULL || args->scale != NULL || args->theme != NULL
      || args->font != NULL || args->format != NULL || args->transparent)
    usage_error (&error, _("--convert takes only --dataset and the options that say how to "
                           "read it (--sheet, --records, --delimiter)"));
  else if (args->dataset == NULL)
    usage_error (&error, _("--convert needs --dataset FILE"));
  if (error == NULL)
    dataset = resolve_dataset (args, &error);
  file = g_file_new_for_commandline_arg (output);
  if (dataset == NULL || !write_converted (dataset, file, output, &error))
    return report_error (error);
  return MC_CLI_EXIT_SUCCESS;
}

/* Dispatch */

static gboolean
has_export_args (const McCliExportArgs *args)
{
  return args->dataset != NULL || args->chart != NULL || args->size != NULL ||
         args->scale != NULL || args->theme != NULL || args->font != NULL ||
         args->format != NULL || args->transparent;
}

static guint
count_modes (const McCliOptions *options)
{
  return (options->version ? 1 : 0) +
         (options->list ? 1 : 0) +
         (options->check ? 1 : 0) +
         (options->export_file != NULL ? 1 : 0) +
         (options->export_dir != NULL ? 1 : 0) +
         (options->convert_file != NULL ? 1 : 0);
}

static gboolean
check_options (const McCliOptions  *options,
               GError             **error)
{
  gboolean has_files = options->files != NULL && options->files[0] != NULL;
  gboolean exporting = options->export_file != NULL || options->export_dir != NULL
                       || options->convert_file != NULL;
  const McCliExportArgs *args = &options->export_args;

  if (count_modes (options) > 1)
    return usage_error (error, _("Use only one of --check, --list, --export, --export-all, "
                                 "--convert and --version"));

  if (!exporting && has_export_args (&options->export_args))
    return usage_error (error, _("--dataset, --chart, --size, --scale, --theme, --font, "
                                 "--transparent and --format only apply to --export "
                                 "and --export-all"));

  if (!exporting && !options->check
      && (args->sheet != NULL || args->records != NULL || args->delimiter != NULL))
    return usage_error (error, _("--sheet, --records and --delimiter only apply to --check, "
                                 "--export, --export-all and --convert"));

  if (options->verbose && !options->check)
    return usage_error (error, _("--verbose only applies to --check"));

  if (options->check && !has_files)
    return usage_error (error, _("--check needs at least one FILE"));

  if (has_files && !options->check && count_modes (options) > 0)
    return usage_error (error, _("Unexpected argument “%s”"), options->files[0]);

  return TRUE;
}

int
mc_cli_run (const McCliOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (options != NULL, MC_CLI_EXIT_USAGE);

  if (!check_options (options, &error))
    return report_error (error);

  if (options->version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return MC_CLI_EXIT_SUCCESS;
    }

  if (options->list)
    return mc_cli_list ();

  if (options->check)
    return mc_cli_check_full (options->files, &options->export_args, options->verbose);

  if (options->convert_file != NULL)
    return mc_cli_convert (options->convert_file, &options->export_args);

  if (options->export_file != NULL)
    return mc_cli_export (options->export_file, &options->export_args);

  if (options->export_dir != NULL)
    return mc_cli_export_all (options->export_dir, &options->export_args);

  return -1;
}

/* The command line parsed by the program itself, before any GTK is
 * loaded. */

typedef struct
{
  gboolean  version;
  gboolean  check;
  gboolean  list;
  gboolean  transparent;
  char     *export_file;
  char     *export_dir;
  char     *dataset;
  char     *chart;
  char     *size;
  char     *scale;
  char     *theme;
  char     *font;
  char     *format;
  gboolean  verbose;
  char     *convert_file;
  char     *sheet;
  char     *records;
  char     *delimiter;
} ParsedOptions;

static void
parsed_options_clear (ParsedOptions *parsed)
{
  g_free (parsed->export_file);
  g_free (parsed->export_dir);
  g_free (parsed->dataset);
  g_free (parsed->chart);
  g_free (parsed->size);
  g_free (parsed->scale);
  g_free (parsed->theme);
  g_free (parsed->font);
  g_free (parsed->format);
  g_free (parsed->convert_file);
  g_free (parsed->sheet);
  g_free (parsed->records);
  g_free (parsed->delimiter);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParsedOptions, parsed_options_clear)

static gpointer
option_target (ParsedOptions *parsed,
               const char    *name)
{
  static const struct
  {
    const char *name;
    gsize       offset;
  } targets[] = {
    { "version", G_STRUCT_OFFSET (ParsedOptions, version) },
    { "check", G_STRUCT_OFFSET (ParsedOptions, check) },
    { "list", G_STRUCT_OFFSET (ParsedOptions, list) },
    { "export", G_STRUCT_OFFSET (ParsedOptions, export_file) },
    { "export-all", G_STRUCT_OFFSET (ParsedOptions, export_dir) },
    { "dataset", G_STRUCT_OFFSET (ParsedOptions, dataset) },
    { "chart", G_STRUCT_OFFSET (ParsedOptions, chart) },
    { "size", G_STRUCT_OFFSET (ParsedOptions, size) },
    { "scale", G_STRUCT_OFFSET (ParsedOptions, scale) },
    { "theme", G_STRUCT_OFFSET (ParsedOptions, theme) },
    { "font", G_STRUCT_OFFSET (ParsedOptions, font) },
    { "transparent", G_STRUCT_OFFSET (ParsedOptions, transparent) },
    { "format", G_STRUCT_OFFSET (ParsedOptions, format) },
    { "convert", G_STRUCT_OFFSET (ParsedOptions, convert_file) },
    { "sheet", G_STRUCT_OFFSET (ParsedOptions, sheet) },
    { "records", G_STRUCT_OFFSET (ParsedOptions, records) },
    { "delimiter", G_STRUCT_OFFSET (ParsedOptions, delimiter) },
    { "verbose", G_STRUCT_OFFSET (ParsedOptions, verbose) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_str_equal (targets[i].name, name))
      return G_STRUCT_MEMBER_P (parsed, targets[i].offset);

  return NULL;
}

static gboolean
parse_options (ParsedOptions   *parsed,
               char          ***args)
{
  GOptionEntry entries[G_N_ELEMENTS (option_entries)];
  g_autoptr(GOptionContext) context = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (option_entries); i++)
    {
      entries[i] = option_entries[i];
      if (entries[i].long_name == NULL)
        continue;
      entries[i].arg_data = option_target (parsed, entries[i].long_name);
      g_return_val_if_fail (entries[i].arg_data != NULL, FALSE);
    }

  /* --help and everything this context does not know are left to the
   * application, which reports them as it always has. */
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return g_option_context_parse_strv (context, args, NULL);
}

/**
 * mc_cli_main:
 * @argc: the program's argument count
 * @argv: its arguments
 *
 * Runs the command line mode that @argv asks for, with the very options
 * the application has (mc_cli_get_option_entries()), so that exports,
 * checks and lists need no GTK at all.
 *
 * Returns: the exit status, or -1 when the application should handle the
 *   command line: to open the window, or for --help and for options this
 *   parser does not know
 */
int
mc_cli_main (int    argc,
             char **argv)
{
  g_auto(ParsedOptions) parsed = { 0 };
  g_auto(GStrv) args = NULL;
  McCliOptions cli = { 0 };

  g_return_val_if_fail (argc >= 1 && argv != NULL, -1);

  if (g_get_prgname () == NULL)
    {
      g_autofree char *name = g_path_get_basename (argv[0]);

      g_set_prgname (name);
    }

  args = g_strdupv (argv);
  if (!parse_options (&parsed, &args))
    return -1;

  cli.version = parsed.version;
  cli.check = parsed.check;
  cli.list = parsed.list;
  cli.export_file = parsed.export_file;
  cli.export_dir = parsed.export_dir;
  cli.export_args.dataset = parsed.dataset;
  cli.export_args.chart = parsed.chart;
  cli.export_args.size = parsed.size;
  cli.export_args.scale = parsed.scale;
  cli.export_args.theme = parsed.theme;
  cli.export_args.font = parsed.font;
  cli.export_args.format = parsed.format;
  cli.export_args.transparent = parsed.transparent;
  cli.export_args.sheet = parsed.sheet;
  cli.export_args.records = parsed.records;
  cli.export_args.delimiter = parsed.delimiter;
  cli.verbose = parsed.verbose;
  cli.convert_file = parsed.convert_file;
  if (args[0] != NULL)
    cli.files = (const char * const *) &args[1];

  return mc_cli_run (&cli);
}
