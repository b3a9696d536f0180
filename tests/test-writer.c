/* test-writer.c: datasets written as dataset files, and read again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The law: every dataset the loader reads, written and read again, is
 * the same dataset, and written twice gives the same bytes.
 */
#include "config.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "mc-bundled.h"
#include "mc-cell.h"
#include "mc-loader.h"
#include "mc-test-data.h"
#include "mc-test-files.h"
#include "mc-writer.h"

/* The datasets of the law: the bundled ones and the loader's good test
 * files. */
static GPtrArray *
load_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  GPtrArray *datasets = mc_bundled_load_all (&error);
  const char *name;

  g_assert_no_error (error);
  g_assert_nonnull (datasets);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      McDataset *dataset = mc_loader_load_file (file, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (datasets, dataset);
    }
  g_assert_cmpuint (datasets->len, >=, 15);
  return datasets;
}

static char *
bytes_text (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

static McDataset *
read_json (GBytes *json)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (json, &length);
  McDataset *dataset = mc_loader_load_data (data, length, "written.json", NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static GBytes *
write_json (McDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  GBytes *json = mc_writer_write_json (dataset, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

/* Writes @dataset and reads it again; returns the text. */
static char *
round_trip (McDataset *dataset)
{
  g_autoptr(GBytes) json = write_json (dataset);
  g_autoptr(McDataset) read = read_json (json);

  g_assert_true (mc_dataset_equal (dataset, read));
  return bytes_text (json);
}

static void
test_writer_law (void)
{
  g_autoptr(GPtrArray) datasets = load_all ();

  for (guint i = 0; i < datasets->len; i++)
    {
      McDataset *dataset = g_ptr_array_index (datasets, i);
      g_autoptr(GBytes) json = write_json (dataset);
      g_autoptr(GBytes) again = write_json (dataset);
      g_autoptr(McDataset) read = read_json (json);
      g_autoptr(GBytes) rewritten = write_json (read);

      g_test_message ("%s", mc_dataset_get_id (dataset));
      g_assert_true (mc_dataset_equal (dataset, read));
      g_assert_true (g_bytes_equal (json, again));
      g_assert_true (g_bytes_equal (json, rewritten));
    }
}

/* The rows in a CSV file next to the dataset file, for every dataset
 * without estimates and notes, which only the dataset file holds. */
static void
test_writer_law_csv_rows (void)
{
  g_autoptr(GPtrArray) datasets = load_all ();
  g_autofree char *dir = mc_test_make_temp_dir ("mc-writer");
  g_autofree char *path = g_build_filename (dir, "written.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  McWriterOptions options;
  guint n_written = 0;

  mc_writer_options_init (&options);
  options.csv_name = "rows.csv";
  for (guint i = 0; i < datasets->len; i++)
    {
      McDataset *dataset = g_ptr_array_index (datasets, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(McDataset) read = NULL;
      gboolean annotated = FALSE;

      for (guint c = 0; c < mc_dataset_get_n_columns (dataset); c++)
        annotated |= mc_column_has_annotations (mc_dataset_get_column (dataset, c));
      if (!mc_writer_write_file (dataset, file, &options, &error))
        {
          g_assert_true (annotated);
          g_assert_error (error, MC_WRITER_ERROR, MC_WRITER_ERROR_UNSUPPORTED);
          continue;
        }
      g_assert_no_error (error);
      read = mc_loader_load_file (file, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s", mc_dataset_get_id (dataset));
      g_assert_true (mc_dataset_equal (dataset, read));
      n_written++;
    }
  g_assert_cmpuint (n_written, >=, 10);
  mc_test_remove_dir (dir);
}

static const char revenue_text[] =
  "{\n"
  "  \"format\" : \"market-charts/1\",\n"
  "  \"id\" : \"revenue\",\n"
  "  \"title\" : \"Revenue\",\n"
  "  \"columns\" : [\n"
  "    {\n"
  "      \"id\" : \"year\",\n"
  "      \"label\" : \"Year\",\n"
  "      \"type\" : \"date\"\n"
  "    },\n"
  "    {\n"
  "      \"id\" : \"revenue\",\n"
  "      \"type\" : \"number\",\n"
  "      \"unit\" : \"USD\",\n"
  "      \"scale\" : \"billion\"\n"
  "    }\n"
  "  ],\n"
  "  \"rows\" : [\n"
  "    [\n"
  "      \"2023\",\n"
  "      0.1\n"
  "    ],\n"
  "    [\n"
  "      \"2024\",\n"
  "      {\n"
  "        \"value\" : 15.4,\n"
  "        \"estimate\" : true,\n"
  "        \"note\" : \"Est.\"\n"
  "      }\n"
  "    ],\n"
  "    [\n"
  "      null,\n"
  "      2.0\n"
  "    ]\n"
  "  ],\n"
  "  \"charts\" : [\n"
  "    {\n"
  "      \"id\" : \"bars\",\n"
  "      \"type\" : \"bar\",\n"
  "      \"title\" : \"Revenue\",\n"
  "      \"x\" : \"year\",\n"
  "      \"y\" : [\n"
  "        \"revenue\"\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* Keys in the format's order, numbers as their source wrote them
 * (0.1, and 2.0 with its decimal), a date at its column's precision, an
 * estimate as a cell object, a chart's options in its kind's order. */
static void
test_writer_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autofree char *text = NULL;
  const char *source =
    "{ \"format\": \"market-charts/1\", \"id\": \"revenue\", \"title\": \"Revenue\","
    "  \"columns\": [ { \"id\": \"year\", \"label\": \"Year\", \"type\": \"date\" },"
    "    { \"id\": \"revenue\", \"type\": \"number\", \"unit\": \"USD\","
    "      \"scale\": \"billion\" } ],"
    "  \"rows\": [ [\"2023\", 0.1], [\"2024\", { \"value\": 15.4, \"estimate\": true,"
    "    \"note\": \"Est.\" }], [null, 2.0] ],"
    "  \"charts\": [ { \"id\": \"bars\", \"type\": \"bar\", \"y\": \"revenue\","
    "    \"x\": \"year\" } ] }";

  dataset = mc_loader_load_data (source, strlen (source), "revenue.json", NULL, &error);
  g_assert_no_error (error);
  json = write_json (dataset);
  text = bytes_text (json);
  g_assert_cmpstr (text, ==, revenue_text);
}

/* JsonGenerator's own text for @text: parsed, and written again by
 * json-glib in the dataset file's layout. */
static char *
generated_again (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (text, &error);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_no_error (error);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The rows are written cell by cell, not by JsonGenerator: their text is
 * still the one it would write, escapes and empty arrays included, and
 * reads back as the same cells. */
static void
test_writer_rows_layout (void)
{
  const char *sources[] = {
    "{ \"format\": \"market-charts/1\", \"id\": \"texts\", \"title\": \"Texts\","
    "  \"columns\": [ { \"id\": \"name\", \"type\": \"string\" },"
    "    { \"id\": \"listed\", \"type\": \"boolean\" } ],"
    "  \"rows\": [ [\"a \\\"quoted\\\" / \\\\ name\", true],"
    "    [\"tab\\tline\\nbreak\\u0001 del\\u007f\", false],"
    "    [{ \"value\": \"\u4e2d\u6587 caf\u00e9\", \"note\": \"\\\"N\\\"\\r\\n\u2014\" }, null],"
    "    [{ \"value\": null, \"estimate\": true }, { \"value\": true, \"estimate\": true, \"note\": \"x\" }],"
    "    [\"\", null] ] }",
    "{ \"format\": \"market-charts/1\", \"id\": \"empty\", \"title\": \"Empty\","
    "  \"columns\": [ { \"id\": \"name\", \"type\": \"string\" } ], \"rows\": [] }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McDataset) dataset = NULL;
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;

      dataset = mc_loader_load_data (sources[i], strlen (sources[i]), "texts.json", NULL, &error);
      g_assert_no_error (error);
      text = round_trip (dataset);
      again = generated_again (text);
      g_assert_true (g_str_has_suffix (text, "\n"));
      text[strlen (text) - 1] = '\0';
      g_assert_cmpstr (text, ==, again);
    }
}

static McDataset *
dataset_of_values (McColumnType    type,
                   const double   *values,
                   guint           n_values)
{
  McDataset *dataset = mc_dataset_new ("values");
  McColumn *column = mc_column_new ("value", NULL, type);

  mc_dataset_set_title (dataset, "Values");
  for (guint i = 0; i < n_values; i++)
    mc_column_append_value (column, values[i]);
  mc_dataset_add_column (dataset, column);
  return dataset;
}

/* Numbers read back exactly, however many digits they need. */
static void
test_writer_numbers (void)
{
  static const double values[] = {
    0.1, 2, -0.0, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
    9007199254740993.0, 123456789012345678.0, 1.0 / 3, -2.5e-7, G_PI, 1e22, 1e23,
    NAN,
  };
  g_autoptr(McDataset) dataset =
    dataset_of_values (MC_COLUMN_NUMBER, values, G_N_ELEMENTS (values));
  g_autofree char *text = round_trip (dataset);

  g_assert_nonnull (strstr (text, "      0.1\n"));
  g_assert_nonnull (strstr (text, "      2\n"));
  g_assert_nonnull (strstr (text, "      0.3333333333333333\n"));
  g_assert_nonnull (strstr (text, "      null\n"));
}

/* What the shortest text of a number must be: the first of "%.15g",
 * "%.16g" and "%.17g" that reads back exactly, how numbers were written
 * before the writer found them itself. */
static void
format_slowly (char   *buffer,
               double  value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

/* Numbers are saved in as few digits as read back exactly, whatever
 * their length: random doubles of every magnitude written the way
 * printf and strtod would, and edges (4503599627370495.5 lies halfway
 * between two numbers of 16 digits: ties go to the even one). */
static void
test_writer_shortest_numbers (void)
{
  GRand *rand = g_rand_new_with_seed (20261207);
  static const double edges[] = {
    1e-4, 0.1, 0.3, 0.30000000000000004, 1 - DBL_EPSILON / 2, 1, 1 + DBL_EPSILON,
    9.999999999999998, 99.76423164975387, 123456.78901234567, 999999999999999.9,
    1e15 - 0.125, 0.0001000000000000001, 4503599627370495.5, 2.5, 0.125,
  };

  for (guint i = 0; i < 300000 + G_N_ELEMENTS (edges); i++)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE], expected[G_ASCII_DTOSTR_BUF_SIZE];
      double value;

      if (i < G_N_ELEMENTS (edges))
        value = edges[i];
      else if (i % 3 == 0)
        /* a price with some decimals, computed */
        value = g_rand_int_range (rand, 1, 100000) / 100.0 * g_rand_double_range (rand, 0.5, 2);
      else
        /* any double from 1e-5 to 1e16 */
        value = pow (10, g_rand_double_range (rand, -5, 16));
      if (g_rand_boolean (rand))
        value = -value;
      mc_cell_format_number (text, value);
      format_slowly (expected, value);
      if (strcmp (text, expected) != 0 || g_ascii_strtod (text, NULL) != value)
        g_error ("%.17g: wrote %s, expected %s", value, text, expected);
    }
  g_rand_free (rand);
}

/* Numbers keep the decimals they were written with through a save: 36.0
 * stays 36.0 and 4.50 stays 4.50, in a dataset file and in a CSV table,
 * and read back they are written alike. */
static void
test_writer_written_decimals (void)
{
  g_autoptr(McDataset) dataset = mc_dataset_new ("shares");
  McColumn *share = mc_column_new ("share", NULL, MC_COLUMN_NUMBER);
  g_autoptr(GBytes) json = NULL;
  g_autoptr(McDataset) read = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv_text = NULL;
  g_autoptr(GError) error = NULL;

  mc_dataset_set_title (dataset, "Shares");
  mc_column_append_written (share, 36, 1);
  mc_column_append_written (share, 35.8, 1);
  mc_column_append_written (share, 4.5, 2);
  mc_column_append_written (share, 32, 0);
  mc_dataset_add_column (dataset, share);

  json = write_json (dataset);
  text = bytes_text (json);
  g_assert_nonnull (strstr (text, "      36.0\n"));
  g_assert_nonnull (strstr (text, "      4.50\n"));
  g_assert_nonnull (strstr (text, "      32\n"));
  read = read_json (json);
  for (guint row = 0; row < 4; row++)
    g_assert_cmpint (mc_column_get_decimals (mc_dataset_get_column (read, 0), row), ==,
                     mc_column_get_decimals (share, row));

  csv = mc_writer_write_csv (dataset, &error);
  g_assert_no_error (error);
  csv_text = bytes_text (csv);
  g_assert_nonnull (strstr (csv_text, "36.0\r\n35.8\r\n4.50\r\n32\r\n"));
}

/* Numbers of every kind, in a CSV file of rows: the same text as the
 * slow way gives, short decimals ("104.5678") or not. */
static void
test_writer_number_texts (void)
{
  GRand *rand = g_rand_new_with_seed (1234);
  g_autoptr(McDataset) dataset = mc_dataset_new ("numbers");
  McColumn *column = mc_column_new ("value", NULL, MC_COLUMN_NUMBER);
  g_autoptr(GString) expected = g_string_new ("value\r\n");
  g_autoptr(GBytes) csv = NULL;
  static const double fixed[] = {
    0, -0.0, 1e-4, 9.999e-5, 1e15, 999999999999999, 1e15 - 0.5, 0.1 + 0.2, 100.1, -7.25,
    123456.789012345, 1.0 / 3, 2.5e-7, 9007199254740993.0, 4503599627370495.5, 1e22,
  };

  for (guint i = 0; i < 20000 + G_N_ELEMENTS (fixed); i++)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];
      double value;

      if (i < G_N_ELEMENTS (fixed))
        value = fixed[i];
      else if (i % 3 == 0)
        {
          /* Short decimals, as files hold them. */
          g_snprintf (text, sizeof text, "%.*f", g_rand_int_range (rand, 0, 9),
                      g_rand_double_range (rand, -1e6, 1e6));
          value = g_ascii_strtod (text, NULL);
        }
      else
        value = g_rand_double_range (rand, -1, 1) * pow (10, g_rand_int_range (rand, -12, 20));
      format_slowly (text, value);
      g_string_append_printf (expected, "%s\r\n", text);
      mc_column_append_value (column, value);
    }
  mc_dataset_add_column (dataset, column);
  csv = mc_writer_write_csv (dataset, NULL);
  g_assert_nonnull (csv);
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                   expected->str, expected->len);
  g_rand_free (rand);
}

/* Dates at the precision of their column, and times of day in UTC. */
static void
test_writer_dates (void)
{
  static const char * const texts[] = {
    "2024-02-15T10:30:00Z", "2024-02-15T23:59:59.25Z", "1999-12-31", "2024-02",
    "0001-01-01", "9999-12-31T00:00:00.001Z", "2024-02-15T12:00:00+05:30",
  };
  g_autoptr(McDataset) dataset = mc_dataset_new ("dates");
  McColumn *column = mc_column_new ("when", NULL, MC_COLUMN_DATE);
  g_autofree char *text = NULL;

  mc_dataset_set_title (dataset, "Dates");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      double days;

      g_assert_true (mc_loader_parse_date (texts[i], &days, NULL));
      mc_column_append_value (column, days);
    }
  mc_column_set_date_precision (column, MC_DATE_DAY);
  mc_dataset_add_column (dataset, column);
  text = round_trip (dataset);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\"2024-02-15T10:30:00Z\""));
  g_assert_nonnull (strstr (text, "\"2024-02-15T23:59:59.25Z\""));
  g_assert_nonnull (strstr (text, "\"1999-12-31\""));
  g_assert_nonnull (strstr (text, "\"2024-02-01\""));
  g_assert_nonnull (strstr (text, "\"0001-01-01\""));
}

/* Texts that a CSV file must quote, and rows of one missing value. */
static void
test_writer_csv (void)
{
  static const char * const texts[] = {
    "plain", "a, b", "say \"hi\"", "two\nlines", " padded ", NULL, "NA", "",
  };
  g_autoptr(McDataset) dataset = mc_dataset_new ("texts");
  McColumn *column = mc_column_new ("text", NULL, MC_COLUMN_STRING);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;

  mc_dataset_set_title (dataset, "Texts");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    mc_column_append_string (column, texts[i]);
  mc_dataset_add_column (dataset, column);
  csv = mc_writer_write_csv (dataset, &error);
  g_assert_no_error (error);
  text = bytes_text (csv);
  g_assert_cmpstr (text, ==,
                   "text\r\nplain\r\n\"a, b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n"
                   "\" padded \"\r\n\"\"\r\nNA\r\n\"\"\r\n");
}

static void
test_writer_unsupported (void)
{
  static const double values[] = { 1, INFINITY };
  g_autoptr(McDataset) dataset = dataset_of_values (MC_COLUMN_NUMBER, values, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = mc_writer_write_json (dataset, NULL, &error);

  g_assert_null (json);
  g_assert_error (error, MC_WRITER_ERROR, MC_WRITER_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "row 2"));
}

/* Failures: the old file stays as it was, nothing else is left behind,
 * and the message names the file. */

static McDataset *
revenue (void)
{
  g_autoptr(GError) error = NULL;
  McDataset *dataset = mc_bundled_lookup ("alibaba-cloud-revenue", &error);

  g_assert_no_error (error);
  return dataset;
}

static gboolean
write_dataset (GFile    *file,
               gpointer  user_data,
               GError  **error)
{
  return mc_writer_write_file (user_data, file, NULL, error);
}

static McTestWriter
dataset_writer (McDataset *dataset)
{
  return (McTestWriter) {
    write_dataset, dataset, "revenue.json", MC_WRITER_ERROR, MC_WRITER_ERROR_WRITE
  };
}

static void
test_writer_missing_folder (void)
{
  g_autoptr(McDataset) dataset = revenue ();
  McTestWriter writer = dataset_writer (dataset);
  g_autoptr(GError) error = mc_test_write_into_missing_folder (&writer);

  g_assert_nonnull (strstr (error->message, "the folder does not exist"));
}

static void
test_writer_read_only_folder (void)
{
  g_autoptr(McDataset) dataset = revenue ();
  McTestWriter writer = dataset_writer (dataset);
  g_autoptr(GError) error = mc_test_write_into_read_only_folder (&writer);
}

static void
test_writer_device (void)
{
  g_autoptr(McDataset) dataset = revenue ();
  McTestWriter writer = dataset_writer (dataset);
  g_autoptr(GError) error = mc_test_write_onto_device (&writer);
}

static void
test_writer_disk_full (void)
{
  g_autoptr(McDataset) dataset = revenue ();
  McTestWriter writer = dataset_writer (dataset);
  g_autoptr(GError) error = mc_test_write_onto_full_disk (&writer, 512);
}

/* Replacing a file leaves the new one and nothing else; the rows of a
 * CSV file go next to it, under a name that stays in the folder. */
static void
test_writer_replace (void)
{
  g_autoptr(McDataset) dataset = revenue ();
  g_autofree char *dir = mc_test_make_temp_dir ("mc-writer");
  g_autofree char *path = g_build_filename (dir, "revenue.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  McWriterOptions options;

  g_assert_true (g_file_set_contents (path, "old dataset", -1, NULL));
  g_assert_true (mc_writer_write_file (dataset, file, NULL, &error));
  g_assert_no_error (error);
  listing = mc_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "revenue.json");

  mc_writer_options_init (&options);
  options.csv_name = "../rows.csv";
  g_assert_false (mc_writer_write_file (dataset, file, &options, &error));
  g_assert_error (error, MC_WRITER_ERROR, MC_WRITER_ERROR_UNSUPPORTED);
  mc_test_remove_dir (dir);
}

/* Keys this version does not know are written back where they were:
 * at the top, in a column, in a chart. */
static void
test_writer_unknown_keys (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("unknown-keys.json");
  g_autoptr(GBytes) json = write_json (dataset);
  g_autofree char *text = bytes_text (json);

  g_assert_nonnull (strstr (text, "  \"author\" : \"somebody\"\n}"));
  g_assert_nonnull (strstr (text, "      \"type\" : \"date\",\n      \"colour\" : \"red\"\n"));
  g_assert_nonnull (strstr (text, "\"frames\" : false"));
  /* An option of another kind is kept as an option, not as an unknown
   * key. */
  g_assert_nonnull (strstr (text, "\"donut\" : true"));
}

/* The chart options a chart editor sets are written in their kind's
 * order, after the kind's own. */
static void
test_writer_chart_options (void)
{
  g_autoptr(McDataset) dataset = mc_test_load_good ("chart-options.json");
  g_autoptr(GBytes) json = write_json (dataset);
  g_autofree char *text = bytes_text (json);
  const char *y = strstr (text, "\"y\" : [\n        \"share\"\n      ],\n      \"max\" : 40,");
  const char *footnote = strstr (text, "\"footnote\" : \"Others:");
  const char *highlight = strstr (text, "\"highlight\" : [\n        \"Alibaba\"\n      ]");

  g_assert_nonnull (y);
  g_assert_nonnull (footnote);
  g_assert_nonnull (highlight);
  g_assert_true (y < footnote && footnote < highlight);
  g_assert_nonnull (strstr (text, "\"colors\" : {\n        \"Growth\" : \"vermillion\"\n      }"));
  g_assert_nonnull (strstr (text, "\"value_labels\" : false"));
  g_assert_nonnull (strstr (text, "\"legend\" : \"bottom\""));
}

/* Rows go back to the CSV file they came from; long series go to a CSV
 * file of their own; estimates keep the rows in the dataset file. */
static void
test_writer_rows_file (void)
{
  g_autoptr(McDataset) prices = mc_test_load_good ("prices.json");
  g_autoptr(GBytes) revenue_json = g_bytes_new_static (revenue_text, strlen (revenue_text));
  g_autoptr(McDataset) revenue = read_json (revenue_json);
  g_autoptr(McDataset) long_series = mc_dataset_new ("long");
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/folder/sales.json");
  McColumn *values = mc_column_new ("value", NULL, MC_COLUMN_NUMBER);
  g_autofree char *prices_csv = mc_writer_choose_rows_file (prices, file);
  g_autofree char *revenue_csv = mc_writer_choose_rows_file (revenue, file);
  g_autofree char *long_csv = NULL;
  g_autofree char *short_csv = NULL;

  g_assert_cmpstr (prices_csv, ==, "prices.csv");
  g_assert_null (revenue_csv);
  mc_column_insert_missing (values, 0, MC_WRITER_CSV_ROWS - 1);
  g_assert_true (mc_dataset_add_column (long_series, values));
  short_csv = mc_writer_choose_rows_file (long_series, file);
  g_assert_null (short_csv);
  mc_column_insert_missing (values, 0, 1);
  long_csv = mc_writer_choose_rows_file (long_series, file);
  g_assert_cmpstr (long_csv, ==, "sales-rows.csv");
  mc_column_set_annotation (values, 5, TRUE, NULL);
  g_clear_pointer (&long_csv, g_free);
  long_csv = mc_writer_choose_rows_file (long_series, file);
  g_assert_null (long_csv);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/writer/law", test_writer_law);
  g_test_add_func ("/mc/writer/law-csv-rows", test_writer_law_csv_rows);
  g_test_add_func ("/mc/writer/text", test_writer_text);
  g_test_add_func ("/mc/writer/rows-layout", test_writer_rows_layout);
  g_test_add_func ("/mc/writer/numbers", test_writer_numbers);
  g_test_add_func ("/mc/writer/shortest-numbers", test_writer_shortest_numbers);
  g_test_add_func ("/mc/writer/written-decimals", test_writer_written_decimals);
  g_test_add_func ("/mc/writer/number-texts", test_writer_number_texts);
  g_test_add_func ("/mc/writer/dates", test_writer_dates);
  g_test_add_func ("/mc/writer/csv", test_writer_csv);
  g_test_add_func ("/mc/writer/unsupported", test_writer_unsupported);
  g_test_add_func ("/mc/writer/missing-folder", test_writer_missing_folder);
  g_test_add_func ("/mc/writer/read-only-folder", test_writer_read_only_folder);
  g_test_add_func ("/mc/writer/device", test_writer_device);
  g_test_add_func ("/mc/writer/disk-full", test_writer_disk_full);
  g_test_add_func ("/mc/writer/replace", test_writer_replace);
  g_test_add_func ("/mc/writer/unknown-keys", test_writer_unknown_keys);
  g_test_add_func ("/mc/writer/chart-options", test_writer_chart_options);
  g_test_add_func ("/mc/writer/rows-file", test_writer_rows_file);

  return g_test_run ();
}
