/* mc-writer.c: datasets written as dataset files (format version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer is the readers' inverse: a dataset written and read again is
 * the same dataset (mc_dataset_equal()), and the same dataset is always
 * written as the same bytes. Keys come in a fixed order, numbers in the
 * fewest digits that read back exactly, dates at their column's
 * precision, estimates and notes as cell objects, and chart options as
 * the chart kinds list them. A dataset whose rows are many can keep them
 * in a CSV file next to it, as the format allows.
 */
#include "config.h"

#include "mc-writer.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "mc-atomic-file.h"
#include "mc-cell.h"
#include "mc-chart-kind.h"
#include "mc-csv-reference.h"
#include "mc-date-text.h"
#include "mc-extras.h"
#include "mc-text.h"

#define FORMAT_VERSION_1 "market-charts/1"

G_DEFINE_QUARK (mc-writer-error-quark, mc_writer_error)

void
mc_writer_options_init (McWriterOptions *options)
{
  g_return_if_fail (options != NULL);

  options->csv_name = NULL;
}

static gboolean
has_annotations (McDataset *dataset)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    if (mc_column_has_annotations (mc_dataset_get_column (dataset, i)))
      return TRUE;
  return FALSE;
}

/**
 * mc_writer_choose_rows_file:
 * @dataset: a dataset about to be saved
 * @file: the dataset file it goes to
 *
 * Where the rows of @dataset go: the CSV file they were read from, or,
 * for long series (%MC_WRITER_CSV_ROWS rows or more), a CSV file next to
 * @file named after it ("prices.json" → "prices-rows.csv"), which never
 * replaces a CSV file the user opened. Estimates and notes only fit in
 * the dataset file: a dataset with some keeps its rows there.
 *
 * Returns: (transfer full) (nullable): the CSV file's name, for
 *   McWriterOptions, or %NULL to keep the rows in the dataset file
 */
char *
mc_writer_choose_rows_file (McDataset *dataset,
                            GFile     *file)
{
  g_autofree char *basename = NULL;
  char *dot;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (has_annotations (dataset))
    return NULL;
  if (mc_dataset_get_rows_file (dataset) != NULL)
    return g_strdup (mc_dataset_get_rows_file (dataset));
  if (mc_dataset_get_n_rows (dataset) < MC_WRITER_CSV_ROWS)
    return NULL;
  basename = g_file_get_basename (file);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  return g_strconcat (basename, "-rows.csv", NULL);
}

/* Values */

/* JSON has no infinity, and a dataset file holds finite numbers only. */
static gboolean
check_finite (McDataset  *dataset,
              GError    **error)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
        continue;
      for (guint row = 0; row < mc_column_get_n_rows (column); row++)
        if (isinf (mc_column_get_value (column, row)))
          {
            g_autofree char *id = mc_text_shown (mc_column_get_id (column));

            g_set_error (error, MC_WRITER_ERROR, MC_WRITER_ERROR_UNSUPPORTED,
                         _("row %u of column “%s” holds an infinite number, which a "
                           "dataset file cannot hold"), row + 1, id);
            return FALSE;
          }
    }
  return TRUE;
}

char *
mc_writer_cell_text (const McColumn *column,
                     guint           row)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  g_return_val_if_fail (column != NULL, NULL);

  if (mc_column_is_missing (column, row))
    return g_strdup ("");
  if (mc_column_get_column_type (column) == MC_COLUMN_STRING)
    return g_strdup (mc_column_get_string (column, row));
  value = mc_column_get_value (column, row);
  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_DATE:
      return mc_date_text_format (value, mc_column_get_date_precision (column));
    case MC_COLUMN_BOOLEAN:
      return g_strdup (value != 0 ? "true" : "false");
    case MC_COLUMN_NUMBER:
    default:
      return g_strdup (mc_cell_format_written (buffer, value,
                                               mc_column_get_decimals (column, row)));
    }
}

/* JSON */

static void
add_string_member (JsonBuilder *builder,
                   const char  *key,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

/* Keys this version does not know, as the file had them, sorted. */
static void
add_extras (JsonBuilder *builder,
            GHashTable  *extras)
{
  g_auto(GStrv) keys = mc_extras_list (extras);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      JsonNode *node = json_from_string (mc_extras_get (extras, keys[i]), NULL);

      /* They were read from JSON: only memory could fail here. */
      if (node == NULL)
        continue;
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_value (builder, node);
    }
}

static void
add_source (JsonBuilder *builder,
            McDataset   *dataset)
{
  const char *name = mc_dataset_get_source_name (dataset);
  const char *url = mc_dataset_get_source_url (dataset);
  const char *date = mc_dataset_get_source_date (dataset);

  if (name == NULL && url == NULL && date == NULL)
    return;
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string_member (builder, "name", name);
  add_string_member (builder, "url", url);
  add_string_member (builder, "date", date);
  json_builder_end_object (builder);
}

static void
add_column (JsonBuilder *builder,
            McColumn    *column)
{
  const char *id = mc_column_get_id (column);
  const char *label = mc_column_get_label (column);
  McScale scale = mc_column_get_scale (column);

  json_builder_begin_object (builder);
  add_string_member (builder, "id", id);
  /* A column without a label is labelled with its id. */
  add_string_member (builder, "label", g_strcmp0 (label, id) != 0 ? label : NULL);
  add_string_member (builder, "type",
                     mc_column_type_to_string (mc_column_get_column_type (column)));
  add_string_member (builder, "unit", mc_column_get_unit (column));
  add_string_member (builder, "scale", scale != MC_SCALE_NONE ? mc_scale_to_string (scale) : NULL);
  add_string_member (builder, "description", mc_column_get_description (column));
  add_extras (builder, mc_column_get_extras (column));
  json_builder_end_object (builder);
}

static void
add_columns (JsonBuilder *builder,
             McDataset   *dataset)
{
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    add_column (builder, mc_dataset_get_column (dataset, i));
  json_builder_end_array (builder);
}

/* Rows are most of a dataset file: up to millions of cells. Each would
 * be a node of a JsonBuilder tree, and JsonGenerator would write its
 * number with 17 digits for shorten_numbers() to write again. They are
 * written here instead, cell by cell, in JsonGenerator's own layout (two
 * spaces a level). Text that is not plain ASCII is still written by
 * json-glib, which escapes it. */
#define ROWS_INDENT "  "
#define ROW_INDENT "    "
#define CELL_INDENT "      "
#define CELL_MEMBER_INDENT "        "

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  const char *p;

  for (p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e || *p == '"' || *p == '\\')
      break;
  if (*p == '\0')
    {
      g_string_append_c (out, '"');
      g_string_append_len (out, text, p - text);
      g_string_append_c (out, '"');
      return;
    }
  node = json_node_init_string (json_node_alloc (), text);
  json = json_to_string (node, FALSE);
  g_string_append (out, json);
}

static void
append_json_value (GString  *out,
                   McColumn *column,
                   guint     row)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  if (mc_column_is_missing (column, row))
    {
      g_string_append (out, "null");
      return;
    }
  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_STRING:
      append_json_string (out, mc_column_get_string (column, row));
      break;
    case MC_COLUMN_NUMBER:
      /* As the source wrote it where that had more decimals ("36.0"). */
      g_string_append (out, mc_cell_format_written (buffer, mc_column_get_value (column, row),
                                                    mc_column_get_decimals (column, row)));
      break;
    case MC_COLUMN_BOOLEAN:
      g_string_append (out, mc_column_get_value (column, row) != 0 ? "true" : "false");
      break;
    case MC_COLUMN_DATE:
    default:
      text = mc_writer_cell_text (column, row);
      append_json_string (out, text);
      break;
    }
}

/* A value, or { "value": …, "estimate": true, "note": "…" }. */
static void
append_json_cell (GString  *out,
                  McColumn *column,
                  guint     row)
{
  gboolean estimate = mc_column_is_estimate (column, row);
  const char *note = mc_column_get_note (column, row);

  if (!estimate && note == NULL)
    {
      append_json_value (out, column, row);
      return;
    }
  g_string_append (out, "{\n" CELL_MEMBER_INDENT "\"value\" : ");
  append_json_value (out, column, row);
  if (estimate)
    g_string_append (out, ",\n" CELL_MEMBER_INDENT "\"estimate\" : true");
  if (note != NULL)
    {
      g_string_append (out, ",\n" CELL_MEMBER_INDENT "\"note\" : ");
      append_json_string (out, note);
    }
  g_string_append (out, "\n" CELL_INDENT "}");
}

/* The "rows" member's value: an array of rows, each an array of cells. */
static void
append_json_rows (GString   *out,
                  McDataset *dataset)
{
  guint n_rows = mc_dataset_get_n_rows (dataset);
  guint n_columns = mc_dataset_get_n_columns (dataset);

  /* JsonGenerator writes an empty array as "[]". A dataset without
   * columns has no rows, so a row is never empty. */
  if (n_rows == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (out, ROW_INDENT "[\n");
      for (guint i = 0; i < n_columns; i++)
        {
          g_string_append (out, CELL_INDENT);
          append_json_cell (out, mc_dataset_get_column (dataset, i), row);
          g_string_append (out, i + 1 < n_columns ? ",\n" : "\n");
        }
      g_string_append (out, row + 1 < n_rows ? ROW_INDENT "],\n" : ROW_INDENT "]\n");
    }
  g_string_append (out, ROWS_INDENT "]");
}

static void
add_data (JsonBuilder *builder,
          const char  *csv_name)
{
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  add_string_member (builder, "csv", csv_name);
  json_builder_end_object (builder);
}

static void
add_option (JsonBuilder       *builder,
            const McChartSpec *spec,
            const char        *key)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_value (builder, json_gvariant_serialize (mc_chart_spec_get_option (spec, key)));
}

/* The options of a chart: those of its kind in the order the kind lists
 * them ("x" before "y", then those every kind takes), then those of
 * other kinds, sorted, then keys this version does not know. */
static void
add_options (JsonBuilder       *builder,
             const McChartSpec *spec)
{
  const McChartKind *kind = mc_chart_kind_lookup (spec->type);
  g_autofree const McOptionInfo **options = kind ? mc_chart_kind_list_options (kind) : NULL;
  g_auto(GStrv) keys = mc_chart_spec_list_options (spec);

  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    if (mc_chart_spec_has_option (spec, options[i]->key))
      add_option (builder, spec, options[i]->key);
  for (guint i = 0; keys[i] != NULL; i++)
    if (kind == NULL || mc_chart_kind_get_option (kind, keys[i]) == NULL)
      add_option (builder, spec, keys[i]);
  add_extras (builder, spec->extras);
}

static void
add_charts (JsonBuilder *builder,
            McDataset   *dataset)
{
  json_builder_set_member_name (builder, "charts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mc_dataset_get_n_charts (dataset); i++)
    {
      const McChartSpec *spec = mc_dataset_get_chart (dataset, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", spec->id);
      add_string_member (builder, "type", spec->type);
      add_string_member (builder, "title", spec->title);
      add_string_member (builder, "subtitle", spec->subtitle);
      add_options (builder, spec);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The members that come before the rows, or the "data" member that
 * names the CSV file holding them. */
static JsonNode *
build_head (McDataset  *dataset,
            const char *csv_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_string_member (builder, "format", FORMAT_VERSION_1);
  add_string_member (builder, "id", mc_dataset_get_id (dataset));
  add_string_member (builder, "title", mc_dataset_get_title (dataset));
  add_string_member (builder, "description", mc_dataset_get_description (dataset));
  add_source (builder, dataset);
  add_columns (builder, dataset);
  if (csv_name != NULL)
    add_data (builder, csv_name);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The members that come after the rows. */
static JsonNode *
build_tail (McDataset *dataset)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  if (mc_dataset_get_n_charts (dataset) > 0)
    add_charts (builder, dataset);
  add_extras (builder, mc_dataset_get_extras (dataset));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* JsonGenerator writes every double with 17 digits ("0.10000000000000001")
 * and a point, even after an exponent ("2.0", "1e+22.0"): each number of
 * @json is written again in the fewest digits that read back exactly. */
static void
shorten_numbers (GString *json)
{
  g_autoptr(GString) out = g_string_sized_new (json->len);
  gboolean in_string = FALSE;
  const char *p = json->str;

  while (*p != '\0')
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (in_string || (*p != '-' && !g_ascii_isdigit (*p)))
        {
          if (in_string && *p == '\\')
            g_string_append_c (out, *p++);
          else if (*p == '"')
            in_string = !in_string;
          g_string_append_c (out, *p++);
          continue;
        }
      g_string_append (out, mc_cell_format_number (buffer, g_ascii_strtod (p, NULL)));
      p += strspn (p, "0123456789+-.eE");
    }
  g_string_assign (json, out->str);
}

/* An object, pretty-printed as a dataset file writes it. */
static GString *
generate_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *json = g_string_new (NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, json);
  shorten_numbers (json);
  return json;
}

/**
 * mc_writer_write_json:
 * @dataset: a dataset
 * @options: (nullable): where the rows go; %NULL for the defaults
 * @error: return location for an error in %MC_WRITER_ERROR
 *
 * Returns: (transfer full): the dataset file, UTF-8 JSON ending with a
 *   line break, or %NULL when the dataset holds what a file cannot
 */
GBytes *
mc_writer_write_json (McDataset              *dataset,
                      const McWriterOptions  *options,
                      GError                **error)
{
  const char *csv_name = options ? options->csv_name : NULL;
  g_autoptr(JsonNode) head = NULL;
  g_autoptr(JsonNode) tail = NULL;
  GString *out;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_finite (dataset, error))
    return NULL;
  /* "{\n  "format" : …\n}": the head's members, then the rows, then
   * the tail's members, each list separated by a comma. */
  head = build_head (dataset, csv_name);
  out = generate_json (head);
  g_assert (g_str_has_suffix (out->str, "\n}"));
  g_string_truncate (out, out->len - 2);
  if (csv_name == NULL)
    {
      g_string_append (out, ",\n" ROWS_INDENT "\"rows\" : ");
      append_json_rows (out, dataset);
    }
  tail = build_tail (dataset);
  if (json_object_get_size (json_node_get_object (tail)) > 0)
    {
      g_autoptr(GString) members = generate_json (tail);

      g_string_append_c (out, ',');
      g_string_append (out, members->str + 1);
    }
  else
    g_string_append (out, "\n}");
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

/* CSV */

/* Estimates and notes live in the dataset file's cells only. */
static gboolean
check_no_annotations (McDataset  *dataset,
                      GError    **error)
{
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);
      g_autofree char *id = NULL;

      if (!mc_column_has_annotations (column))
        continue;
      id = mc_text_shown (mc_column_get_id (column));
      g_set_error (error, MC_WRITER_ERROR, MC_WRITER_ERROR_UNSUPPORTED,
                   _("column “%s” has estimates or notes, which a CSV file cannot "
                     "hold; keep the rows in the dataset file"), id);
      return FALSE;
    }
  return TRUE;
}

/* A field, quoted when a reader would otherwise split it, join it or
 * trim it. A missing value is an empty field. */
static void
append_field (GString    *out,
              const char *text)
{
  gsize length = text ? strlen (text) : 0;

  if (length > 0 && strpbrk (text, ",\"\r\n") == NULL
      && !g_ascii_isspace (text[0]) && !g_ascii_isspace (text[length - 1]))
    {
      g_string_append_len (out, text, length);
      return;
    }
  if (text == NULL)
    return;
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString   *out,
            McDataset *dataset,
            guint      row)
{
  guint n_columns = mc_dataset_get_n_columns (dataset);

  for (guint i = 0; i < n_columns; i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);
      g_autofree char *text = NULL;

      if (i > 0)
        g_string_append_c (out, ',');
      if (mc_column_is_missing (column, row))
        continue;
      if (mc_column_get_column_type (column) == MC_COLUMN_NUMBER)
        {
          /* Millions of them: no copy of each. */
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          append_field (out, mc_cell_format_written (buffer, mc_column_get_value (column, row),
                                                     mc_column_get_decimals (column, row)));
        }
      else
        append_field (out, text = mc_writer_cell_text (column, row));
    }
  /* A row of one missing value would be an empty line, which readers
   * skip. */
  if (n_columns == 1 && mc_column_is_missing (mc_dataset_get_column (dataset, 0), row))
    g_string_append (out, "\"\"");
  g_string_append (out, "\r\n");
}

/* The header of a column of a table, with the unit and scale that the
 * CSV reader takes back from it: "Revenue (USD bn)", "Share (%)". */
static char *
table_header (McColumn *column)
{
  const char *label = mc_column_get_label (column);
  const char *unit = mc_column_get_unit (column);
  McScale scale = mc_column_get_scale (column);
  static const char * const scales[] = { "", "k", "m", "bn", "tn" };
  static const char * const words[] = { "", "thousands", "millions", "billions", "trillions" };
  gboolean currency = unit != NULL && strlen (unit) == 3 && g_ascii_isupper (unit[0])
                      && g_ascii_isupper (unit[1]) && g_ascii_isupper (unit[2]);

  if (mc_column_get_column_type (column) != MC_COLUMN_NUMBER)
    return g_strdup (label);
  if (g_strcmp0 (unit, "percent") == 0 && scale == MC_SCALE_NONE)
    return g_strdup_printf ("%s (%%)", label);
  if (currency)
    return scale == MC_SCALE_NONE ? g_strdup_printf ("%s (%s)", label, unit)
                                  : g_strdup_printf ("%s (%s %s)", label, unit, scales[scale]);
  if (unit == NULL && scale != MC_SCALE_NONE)
    return g_strdup_printf ("%s (%s)", label, words[scale]);
  return g_strdup (label);
}

static char *
column_id_header (McColumn *column)
{
  return g_strdup (mc_column_get_id (column));
}

/* A header of one field per column, then a line per row. */
static GBytes *
write_rows (McDataset   *dataset,
            char      *(*header) (McColumn *column),
            GError     **error)
{
  GString *out;

  if (!check_finite (dataset, error) || !check_no_annotations (dataset, error))
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      g_autofree char *text = header (mc_dataset_get_column (dataset, i));

      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, text);
    }
  g_string_append (out, "\r\n");
  for (guint row = 0; row < mc_dataset_get_n_rows (dataset); row++)
    append_row (out, dataset, row);
  return g_string_free_to_bytes (out);
}

/**
 * mc_writer_write_csv:
 * @dataset: a dataset
 * @error: return location for an error in %MC_WRITER_ERROR
 *
 * The rows of @dataset for a CSV file that its dataset file names: a
 * header of the column ids, then a line per row (RFC 4180, CR LF). Values
 * are written as in the dataset file; a missing value is an empty field.
 * An empty text reads back as a missing value.
 *
 * Returns: (transfer full): the CSV file, or %NULL when the dataset has
 *   estimates or notes, which only the dataset file can hold
 */
GBytes *
mc_writer_write_csv (McDataset  *dataset,
                     GError    **error)
{
  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_rows (dataset, column_id_header, error);
}

/**
 * mc_writer_write_table_csv:
 *
 * The dataset as a table for other programs: a header of the column
 * labels, with the unit and scale of number columns in brackets
 * ("Revenue (USD bn)"), which the CSV reader reads back, then the rows as
 * in mc_writer_write_csv().
 *
 * Returns: (transfer full): the CSV file, or %NULL when the dataset has
 *   estimates or notes, which only the dataset file can hold
 */
GBytes *
mc_writer_write_table_csv (McDataset  *dataset,
                           GError    **error)
{
  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return write_rows (dataset, table_header, error);
}

/* Files */

static gboolean
replace_file (GFile   *file,
              GBytes  *contents,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (mc_atomic_file_replace_bytes (file, contents, &local_error))
    return TRUE;
  name = g_file_get_parse_name (file);
  g_set_error (error, MC_WRITER_ERROR, MC_WRITER_ERROR_WRITE,
               _("Could not write “%s”: %s"), name, local_error->message);
  return FALSE;
}

/* The CSV file the options name, next to @file. */
static gboolean
write_csv_file (McDataset   *dataset,
                GFile       *file,
                const char  *csv_name,
                GError     **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) local_error = NULL;

  csv_file = mc_csv_reference_resolve (folder, csv_name, &local_error);
  if (csv_file == NULL)
    {
      g_set_error_literal (error, MC_WRITER_ERROR, MC_WRITER_ERROR_UNSUPPORTED,
                           local_error->message);
      return FALSE;
    }
  csv = mc_writer_write_csv (dataset, error);
  return csv != NULL && replace_file (csv_file, csv, error);
}

/**
 * mc_writer_write_file:
 * @dataset: a dataset
 * @file: the dataset file to create or replace
 * @options: (nullable): where the rows go; %NULL for the defaults
 * @error: return location for an error in %MC_WRITER_ERROR, whose
 *   message names the file and the reason
 *
 * Writes the dataset file and, when @options name one, the CSV file of
 * its rows in the same folder (first). Each file is replaced at once:
 * through a temporary file in its folder, renamed over it when complete,
 * so that a failure (a read-only folder, a full disk) leaves the old
 * file as it was and no temporary file behind.
 *
 * Returns: %TRUE on success
 */
gboolean
mc_writer_write_file (McDataset              *dataset,
                      GFile                  *file,
                      const McWriterOptions  *options,
                      GError                **error)
{
  g_autoptr(GBytes) json = NULL;
  const char *csv_name = options ? options->csv_name : NULL;

  g_return_val_if_fail (MC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  json = mc_writer_write_json (dataset, options, error);
  if (json == NULL)
    return FALSE;
  if (csv_name != NULL && !write_csv_file (dataset, file, csv_name, error))
    return FALSE;
  return replace_file (file, json, error);
}

/**
 * mc_writer_write_table_file:
 * @file: the CSV file to create or replace, atomically
 *
 * Writes mc_writer_write_table_csv() to @file.
 *
 * Returns: %TRUE on success
 */
gboolean
mc_writer_write_table_file (McDataset  *dataset,
                            GFile      *file,
                            GError    **error)
{
  g_autoptr(GBytes) csv = NULL;

  g_return_val_if_fail (MC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = mc_writer_write_table_csv (dataset, error);
  return csv != NULL && replace_file (file, csv, error);
}
