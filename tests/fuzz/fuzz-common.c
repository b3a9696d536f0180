/* fuzz-common.c: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "mc-chart-kind.h"
#include "mc-loader.h"

/* GLib stops on a fatal message with a breakpoint trap, which libFuzzer
 * does not catch: turn it into an abort, which it records as a crash. */
static void
on_trap (int signal_number)
{
  abort ();
}

/* libgsf 1.14.50 (Debian 12) unrefs the NULL date of a zip entry whose
 * date is not one (month 13): a critical on stderr, harmless, and not
 * ours to fix. */
static gboolean
is_known_library_bug (const char *log_domain,
                      const char *message)
{
  return g_strcmp0 (log_domain, "GLib") == 0
         && g_str_has_prefix (message, "g_date_time_unref: assertion 'datetime != NULL'");
}

/* Every other critical and warning counts as a crash. (Fatal masks cannot
 * tell messages apart, and GTest's handler, in the replays, calls any
 * fatal message a bail-out.) */
static void
log_cb (const char     *log_domain,
        GLogLevelFlags  log_level,
        const char     *message,
        gpointer        user_data)
{
  g_log_default_handler (log_domain, log_level, message, NULL);
  if ((log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
      && !is_known_library_bug (log_domain, message))
    abort ();
}

void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  signal (SIGTRAP, on_trap);
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_default_handler (log_cb, NULL);
}

GFile *
fuzz_get_base (void)
{
  static GFile *base;

  if (base == NULL)
    base = g_file_new_for_path (FUZZ_DATA_DIR);
  return base;
}

/* A problem in the CSV file a dataset references is told at that
 * file's position, under its base name and a line ("prices.csv:1:1: the
 * header has no column …"), a file that the referenced folder holds:
 * any other message names @name, the fuzzed file. */
void
fuzz_check_names_file (const GError *error,
                       const char   *name)
{
  const char *message = error->message;
  const char *colon = strchr (message, ':');
  g_autofree char *file = NULL;
  g_autoptr(GFile) referenced = NULL;

  if (g_str_has_prefix (message, name))
    return;
  if (colon != NULL)
    file = g_strndup (message, colon - message);
  if (file == NULL || *file == '\0' || strchr (file, '/') != NULL
      || !g_ascii_isdigit (colon[1]))
    g_error ("the message does not name a file and a line: %s", message);
  referenced = g_file_get_child (fuzz_get_base (), file);
  if (!g_file_query_exists (referenced, NULL))
    g_error ("the message names neither the fuzzed file nor one it references: %s", message);
}

void
fuzz_check_error (const GError *error,
                  GQuark        domain,
                  const char   *prefix)
{
  g_assert_nonnull (error);
  if (error->domain != domain)
    g_error ("error in domain %s, expected %s: %s", g_quark_to_string (error->domain),
             g_quark_to_string (domain), error->message);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (prefix != NULL && !g_str_has_prefix (error->message, prefix))
    g_error ("message does not start with “%s”: %s", prefix, error->message);
  if (g_utf8_strlen (error->message, -1) > FUZZ_MAX_MESSAGE_LENGTH)
    g_error ("message of %ld characters: %.200s…", g_utf8_strlen (error->message, -1),
             error->message);
}

static void
check_text (const char *text,
            gboolean    nullable)
{
  if (text == NULL)
    {
      g_assert_true (nullable);
      return;
    }
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), <=, MC_LOADER_MAX_STRING_LENGTH);
}

static void
check_values (const McColumn *column,
              guint           n_rows)
{
  McColumnType type = mc_column_get_column_type (column);

  for (guint row = 0; row < n_rows; row++)
    {
      if (type == MC_COLUMN_STRING)
        {
          const char *value = mc_column_get_string (column, row);

          check_text (value, TRUE);
          g_assert_true ((value == NULL) == mc_column_is_missing (column, row));
        }
      else
        {
          double value = mc_column_get_value (column, row);

          g_assert_true (isnan (value) || isfinite (value));
          g_assert_true (isnan (value) == mc_column_is_missing (column, row));
          if (type == MC_COLUMN_BOOLEAN && !isnan (value))
            g_assert_true (value == 0 || value == 1);
        }
      check_text (mc_column_get_note (column, row), TRUE);
    }
}

static void
check_column (McDataset      *dataset,
              const McColumn *column)
{
  const char *id = mc_column_get_id (column);

  check_text (id, FALSE);
  g_assert_cmpuint (strlen (id), >, 0);
  g_assert_true (mc_dataset_lookup_column (dataset, id) == column);
  check_text (mc_column_get_label (column), FALSE);
  check_text (mc_column_get_unit (column), TRUE);
  check_text (mc_column_get_description (column), TRUE);
  g_assert_cmpuint (mc_column_get_n_rows (column), ==, mc_dataset_get_n_rows (dataset));
  check_values (column, mc_column_get_n_rows (column));
}

/* A chart the loader accepts is one the renderer can draw: the one check
 * of a spec passes, and its texts are sound. */
static void
check_chart (McDataset         *dataset,
             const McChartSpec *spec)
{
  g_auto(GStrv) keys = mc_chart_spec_list_options (spec);
  g_autoptr(GError) error = NULL;

  check_text (spec->id, FALSE);
  g_assert_true (mc_dataset_lookup_chart (dataset, spec->id) == spec);
  check_text (spec->title, TRUE);
  check_text (spec->subtitle, TRUE);
  for (guint i = 0; keys[i] != NULL; i++)
    check_text (mc_chart_spec_get_string (spec, keys[i]), TRUE);
  if (!mc_chart_spec_check (spec, dataset, NULL, &error))
    g_error ("the loader accepted chart “%s”, which does not pass its check: %s",
             spec->id, error->message);
}

void
fuzz_check_dataset (McDataset *dataset)
{
  const char * const *warnings;
  guint n_columns;

  g_assert_true (MC_IS_DATASET (dataset));
  check_text (mc_dataset_get_id (dataset), FALSE);
  check_text (mc_dataset_get_title (dataset), TRUE);
  check_text (mc_dataset_get_description (dataset), TRUE);
  check_text (mc_dataset_get_source_name (dataset), TRUE);
  check_text (mc_dataset_get_source_url (dataset), TRUE);
  check_text (mc_dataset_get_source_date (dataset), TRUE);

  n_columns = mc_dataset_get_n_columns (dataset);
  g_assert_cmpuint (n_columns, >, 0);
  g_assert_cmpuint (n_columns, <=, MC_LOADER_MAX_COLUMNS);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), <=, MC_LOADER_MAX_ROWS);
  for (guint i = 0; i < n_columns; i++)
    check_column (dataset, mc_dataset_get_column (dataset, i));
  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    check_chart (dataset, mc_dataset_get_chart (dataset, i));

  warnings = mc_dataset_get_warnings (dataset);
  g_assert_nonnull (warnings);
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      g_assert_true (g_utf8_validate (warnings[i], -1, NULL));
      if (g_utf8_strlen (warnings[i], -1) > FUZZ_MAX_MESSAGE_LENGTH)
        g_error ("warning of %ld characters: %.200s…", g_utf8_strlen (warnings[i], -1),
                 warnings[i]);
    }
}

void
fuzz_load (const char *data,
           gsize       length,
           const char *name,
           const char *format)
{
  g_autoptr(McLoadOptions) options = mc_load_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;

  mc_load_options_set_format (options, format);
  dataset = mc_loader_load_data_with_options (data, length, name, NULL, options, &error);
  if (dataset == NULL)
    fuzz_check_error (error, MC_LOADER_ERROR, name);
  else
    {
      g_assert_no_error (error);
      fuzz_check_dataset (dataset);
    }
}

void
fuzz_load_workbook (const uint8_t *data,
                    size_t         size,
                    const char    *name,
                    const char    *format,
                    FuzzWrapFunc   wrap)
{
  g_autoptr(GBytes) book = NULL;
  gsize length;
  const char *bytes;

  if (size >= 2 && memcmp (data, "PK", 2) == 0)
    {
      fuzz_load ((const char *) data, size, name, format);
      return;
    }
  if (size == 0)
    return;
  book = wrap ((const char *) data, size);
  bytes = g_bytes_get_data (book, &length);
  fuzz_load (bytes, length, name, format);
}
