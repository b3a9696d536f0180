/* test-workbooks.c: hostile and very large workbooks and web tables, made at run time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workbook is a zip archive of XML, and both can be made to hurt: an
 * archive that inflates far beyond its size, entries named outside their
 * folder, XML that declares entities or fetches files, XML that is not
 * well formed, sheets of a million rows. Each is written here (nothing
 * large is committed) and must load within the limits or be refused with
 * a message that names the file and where the problem is.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mc-loader.h"
#include "mc-test-workbook.h"

/* A message longer than this is not one a person reads in a dialog. */
#define MAX_MESSAGE_LENGTH 400

static const char sheet_start[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<sheetData>";

static const char sheet_end[] = "</sheetData></worksheet>";

/* A sheet of rows "<row>…</row>", between the start and end of a sheet. */
static char *
sheet_of (const char *rows)
{
  return g_strconcat (sheet_start, rows, sheet_end, NULL);
}

static McDataset *
load_bytes (GBytes      *bytes,
            const char  *name,
            GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return mc_loader_load_data (data, length, name, NULL, error);
}

/* Checks that the workbook is refused with @code, a message that starts
 * with "@name:" and contains @fragment, short enough to read. */
static char *
assert_refused (GBytes      *bytes,
                const char  *name,
                int          code,
                const char  *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = load_bytes (bytes, name, &error);
  g_autofree char *prefix = g_strconcat (name, ":", NULL);

  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, MC_LOADER_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
  g_assert_cmpint (g_utf8_strlen (error->message, -1), <=, MAX_MESSAGE_LENGTH);
  return g_strdup (error->message);
}

static void
put_le32 (guint8  *at,
          guint32  value)
{
  for (guint i = 0; i < 4; i++)
    at[i] = (value >> (8 * i)) & 0xff;
}

/* @zip with the uncompressed size of @path, in its local header and in
 * the central directory, set to @size: the sizes an archive declares
 * need not be true. */
static GBytes *
declare_size (GBytes     *zip,
              const char *path,
              guint32     size)
{
  gsize length, n = strlen (path);
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (zip), &length);
  guint patched = 0;

  for (gsize i = 0; i + 46 + n <= length; i++)
    {
      gsize at = 0;

      if (memcmp (data + i, "PK\x03\x04", 4) == 0 && memcmp (data + i + 30, path, n) == 0)
        at = i + 22;
      else if (memcmp (data + i, "PK\x01\x02", 4) == 0 && memcmp (data + i + 46, path, n) == 0)
        at = i + 24;
      if (at == 0)
        continue;
      put_le32 (data + at, size);
      patched++;
    }
  g_assert_cmpuint (patched, ==, 2);
  return g_bytes_new_take (data, length);
}


static const char small_sheet[] =
  "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>year</t></is></c>"
  "<c r=\"B1\" t=\"inlineStr\"><is><t>revenue</t></is></c></row>"
  "<row r=\"2\"><c r=\"A2\"><v>2023</v></c><c r=\"B2\"><v>11.8</v></c></row>"
  "<row r=\"3\"><c r=\"A3\"><v>2024</v></c><c r=\"B3\"><v>13.3</v></c></row>";

static GBytes *
xlsx_of_rows (const char *rows)
{
  g_autofree char *sheet = sheet_of (rows);

  return mc_test_xlsx_new (sheet, 0);
}

/* The archive */

/* The workbook written here loads: what the other tests change is all
 * that is wrong with theirs. */
static void
test_plain (void)
{
  g_autoptr(GBytes) book = xlsx_of_rows (small_sheet);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = load_bytes (book, "plain.xlsx", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 2);
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (dataset, 1), 1), ==, 13.3);
}

/* An entry that says it inflates to 2 GiB is refused before a byte of it
 * is inflated. */
static void
test_declared_size (void)
{
  g_autoptr(GBytes) book = xlsx_of_rows (small_sheet);
  g_autoptr(GBytes) bomb = declare_size (book, "xl/worksheets/sheet1.xml", 0x80000000u);
  g_autofree char *message = NULL;

  message = assert_refused (bomb, "bomb.xlsx", MC_LOADER_ERROR_TOO_LARGE,
                            "“xl/worksheets/sheet1.xml” is 2048 MiB once inflated; the limit "
                            "is 1024 MiB");
}

/* An entry that says it is small is read no further than it says: the
 * rest of its XML is never inflated. */
static void
test_understated_size (void)
{
  g_autoptr(GBytes) book = xlsx_of_rows (small_sheet);
  g_autoptr(GBytes) liar = declare_size (book, "xl/worksheets/sheet1.xml", 200);
  g_autofree char *message = NULL;

  message = assert_refused (liar, "liar.xlsx", MC_LOADER_ERROR_SYNTAX,
                            "xl/worksheets/sheet1.xml");
}

/* Honest sizes, but a sheet of 24 MiB of empty rows in an archive of a
 * few kilobytes: reading stops once its entries have inflated 200 times
 * the size of the file. */
static void
test_inflation (void)
{
  gsize n = 4 * 1024 * 1024;
  g_autoptr(GString) rows = g_string_sized_new (6 * n);
  g_autoptr(GBytes) bomb = NULL;
  g_autofree char *message = NULL;

  for (gsize i = 0; i < n; i++)
    g_string_append (rows, "<row/>");
  bomb = xlsx_of_rows (rows->str);
  g_assert_cmpuint (g_bytes_get_size (bomb), <, 256 * 1024);
  message = assert_refused (bomb, "bomb.xlsx", MC_LOADER_ERROR_TOO_LARGE,
                            "“xl/worksheets/sheet1.xml” inflates more than 200 times the size "
                            "of the workbook; this looks like a zip bomb");
}

/* Entries named "../x" or "/x" would leave the workbook's folder if it
 * were unpacked: the archive is hostile, and refused whole. */
static void
test_entry_leaves_folder (void)
{
  static const struct
  {
    const char *written;
    const char *renamed;
    const char *shown;
  } cases[] = {
    { "xl/evil.xml", "../evil.xml", "“..”" },
    { "xl/dir/evil.xml", "xl/../../ev.xml", "“..”" },
    { "xl/evil.xml", "xl\\evil.xml", "“xl\\evil.xml”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sheet = sheet_of (small_sheet);
      const McTestEntry entries[] = {
        { "xl/workbook.xml", "<workbook/>", 0, FALSE },
        { cases[i].written, sheet, 0, FALSE },
      };
      g_autoptr(GBytes) zip = mc_test_zip_new (entries, G_N_ELEMENTS (entries));
      g_autoptr(GBytes) evil = mc_test_bytes_replace (zip, cases[i].written, cases[i].renamed);
      g_autofree char *fragment = g_strdup_printf ("the workbook has an entry %s that leaves "
                                                   "its folder", cases[i].shown);
      g_autofree char *message = NULL;

      message = assert_refused (evil, "evil.xlsx", MC_LOADER_ERROR_PATH, fragment);
    }
}

/* An archive cut short, or not an archive at all, under a workbook's
 * name. */
static void
test_damaged (void)
{
  g_autoptr(GBytes) book = xlsx_of_rows (small_sheet);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (book, 0, g_bytes_get_size (book) / 2);
  g_autoptr(GBytes) text = g_bytes_new_static ("year,revenue\n", 13);
  g_autofree char *message = NULL;
  g_autofree char *other = NULL;

  message = assert_refused (cut, "cut.xlsx", MC_LOADER_ERROR_SYNTAX,
                            "the workbook is damaged: its zip container cannot be read");
  other = assert_refused (text, "text.xlsx", MC_LOADER_ERROR_SYNTAX,
                          "the workbook is damaged: its zip container cannot be read");
}

/* The XML */

/* A DTD is refused wherever it is: its entities are never expanded and
 * the files they name are never read. */
static void
test_dtd (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mc-workbooks-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *external = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"%s\">]>\n"
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"
    "<c r=\"B1\" t=\"inlineStr\"><is><t>v</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c><c r=\"B2\"><v>1</v>"
    "</c></row></sheetData></worksheet>", uri);
  static const char laughs[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
    "]>\n<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&g;</t></is>"
    "</c></row></sheetData></worksheet>";
  g_autoptr(GBytes) stolen = NULL;
  g_autoptr(GBytes) laughing = NULL;
  g_autofree char *message = NULL;
  g_autofree char *other = NULL;

  g_assert_true (g_file_set_contents (secret, "SECRET-7c1e", -1, NULL));
  stolen = mc_test_xlsx_new (external, 0);
  laughing = mc_test_xlsx_new (laughs, 0);
  message = assert_refused (stolen, "xxe.xlsx", MC_LOADER_ERROR_SYNTAX,
                            "xl/worksheets/sheet1.xml declares a DTD, which workbooks never do");
  g_assert_null (strstr (message, "SECRET"));
  other = assert_refused (laughing, "laughs.xlsx", MC_LOADER_ERROR_SYNTAX, "declares a DTD");
  g_unlink (secret);
  g_rmdir (dir);
}

/* An entity without a DTD is an error of the XML, with its line. */
static void
test_undeclared_entity (void)
{
  g_autoptr(GBytes) book = xlsx_of_rows ("<row r=\"1\">\n<c r=\"A1\" t=\"inlineStr\"><is>"
                                         "<t>&xxe;</t></is></c></row>");
  g_autofree char *message = NULL;

  message = assert_refused (book, "entity.xlsx", MC_LOADER_ERROR_SYNTAX,
                            "xl/worksheets/sheet1.xml, line 3: the XML is malformed: "
                            "Entity 'xxe' not defined");
}

/* Tags that do not match, and XML cut short: the part and the line. */
static void
test_malformed (void)
{
  g_autoptr(GBytes) crossed = xlsx_of_rows ("<row r=\"1\">\n<c r=\"A1\"><v>1</c></v></row>");
  g_autoptr(GBytes) cut = mc_test_xlsx_new ("<worksheet><sheetData><row r=\"1\">\n<c r=\"A1\">",
                                           0);
  g_autoptr(GBytes) junk = mc_test_xlsx_new ("\x89PNG\r\n\x1a\n", 0);
  g_autofree char *message = NULL;
  g_autofree char *other = NULL;
  g_autofree char *last = NULL;

  message = assert_refused (crossed, "crossed.xlsx", MC_LOADER_ERROR_SYNTAX,
                            "xl/worksheets/sheet1.xml, line 3: the XML is malformed: "
                            "Opening and ending tag mismatch");
  other = assert_refused (cut, "cut.xlsx", MC_LOADER_ERROR_SYNTAX,
                          "xl/worksheets/sheet1.xml, line 2: the XML is malformed");
  last = assert_refused (junk, "junk.xlsx", MC_LOADER_ERROR_SYNTAX,
                         "xl/worksheets/sheet1.xml, line 1: the XML is malformed");
}

/* Size */

static gboolean
under_valgrind (void)
{
  return g_getenv ("MC_TEST_VALGRIND") != NULL;
}

/* A sheet of a spreadsheet's most rows, 1048576 (with -m slow; a
 * quarter of a million otherwise, to keep the suite quick), loads, read
 * as a stream. */
static void
test_many_rows (void)
{
  guint n = under_valgrind () ? 50000 : g_test_slow () ? 1048576 : 250000;
  g_autoptr(GString) rows = g_string_new ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id"
                                          "</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>"
                                          "value</t></is></c></row>");
  g_autoptr(GBytes) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = NULL;
  McColumn *values;

  for (guint i = 2; i <= n; i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c>"
                            "<c r=\"B%u\"><v>%u.5</v></c></row>", i, i, i, i, i % 977);
  book = xlsx_of_rows (rows->str);
  dataset = load_bytes (book, "many.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, n - 1);
  values = mc_dataset_get_column (dataset, 1);
  g_assert_cmpint (mc_column_get_column_type (values), ==, MC_COLUMN_NUMBER);
  g_assert_cmpfloat (mc_column_get_value (values, n - 2), ==, n % 977 + 0.5);
}

/* A cell in the last column of a spreadsheet makes a sheet wider than
 * the limit: refused, with the sheet and the limit named. */
static void
test_too_many_columns (void)
{
  g_autoptr(GBytes) book = xlsx_of_rows ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t>"
                                         "</is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t>b</t>"
                                         "</is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c>"
                                         "</row>");
  g_autofree char *message = NULL;

  message = assert_refused (book, "wide.xlsx", MC_LOADER_ERROR_TOO_LARGE,
                            "the sheet “Data” has 16384 columns; the limit is 4096");
}

/* ODS */

static const char ods_start[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document-content "
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
  "<office:body><office:spreadsheet><table:table table:name=\"Data\">";

static const char ods_end[] = "</table:table></office:spreadsheet></office:body>"
                              "</office:document-content>";

static const char ods_table[] =
  "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>year</text:p>"
  "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>revenue</text:p>"
  "</table:table-cell></table:table-row>"
  "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"2023\"/>"
  "<table:table-cell office:value-type=\"float\" office:value=\"11.8\"/></table:table-row>"
  "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"2024\"/>"
  "<table:table-cell office:value-type=\"float\" office:value=\"13.3\"/></table:table-row>";

static GBytes *
ods_of_rows (const char *rows)
{
  g_autofree char *content = g_strconcat (ods_start, rows, ods_end, NULL);

  return mc_test_ods_new (content, 0);
}

/* Counts of empty rows and cells, up to the largest a count can say,
 * make nothing: a sheet that ends with them (as every sheet LibreOffice
 * writes does) loads at once, its table as it is. */
static void
test_ods_empty_repeats (void)
{
  g_autoptr(GBytes) book = ods_of_rows ("<table:table-row table:number-rows-repeated=\"3\">"
                                        "<table:table-cell/></table:table-row>"
                                        "<table:table-row><table:table-cell "
                                        "table:number-columns-repeated=\"4294967295\"/>"
                                        "</table:table-row>"
                                        "<table:table-row><table:table-cell "
                                        "office:value-type=\"string\"><text:p>year</text:p>"
                                        "</table:table-cell><table:table-cell "
                                        "office:value-type=\"string\"><text:p>revenue"
                                        "</text:p></table:table-cell></table:table-row>"
                                        "<table:table-row><table:table-cell "
                                        "office:value-type=\"float\" office:value=\"2024\"/>"
                                        "<table:table-cell office:value-type=\"float\" "
                                        "office:value=\"13.3\"/><table:table-cell "
                                        "table:number-columns-repeated=\"4294967295\"/>"
                                        "</table:table-row>"
                                        "<table:table-row table:number-rows-repeated="
                                        "\"4294967295\"><table:table-cell "
                                        "table:number-columns-repeated=\"4294967295\"/>"
                                        "</table:table-row>");
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = load_bytes (book, "repeats.ods", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 1);
  g_assert_cmpuint (mc_dataset_get_n_columns (dataset), ==, 2);
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (dataset, 1), 0), ==, 13.3);
}

/* A number cell whose value is damaged is read as the text it shows,
 * never dropped; an XLSX cell that cannot be read is refused at its
 * place. */
static void
test_damaged_numbers (void)
{
  g_autoptr(GBytes) book = ods_of_rows ("<table:table-row><table:table-cell "
                                        "office:value-type=\"string\"><text:p>year</text:p>"
                                        "</table:table-cell><table:table-cell "
                                        "office:value-type=\"string\"><text:p>revenue"
                                        "</text:p></table:table-cell></table:table-row>"
                                        "<table:table-row><table:table-cell "
                                        "office:value-type=\"float\" office:value=\"2023\"/>"
                                        "<table:table-cell office:value-type=\"float\" "
                                        "office:value=\"13.3\"/></table:table-row>"
                                        "<table:table-row><table:table-cell "
                                        "office:value-type=\"float\" office:value=\"2024\"/>"
                                        "<table:table-cell office:value-type=\"float\" "
                                        "office:value=\"oops\"><text:p>14.1</text:p>"
                                        "</table:table-cell></table:table-row>");
  g_autofree char *sheet = sheet_of ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>year</t>"
                                     "</is></c><c r=\"B1\" t=\"inlineStr\"><is><t>revenue</t>"
                                     "</is></c></row><row r=\"2\"><c r=\"A2\"><v>2024</v></c>"
                                     "<c r=\"B2\" t=\"s\"><v>7</v></c></row>");
  g_autoptr(GBytes) xlsx = mc_test_xlsx_new (sheet, strlen (sheet));
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = load_bytes (book, "damaged.ods", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 2);
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (dataset, 1), 1), ==, 14.1);
  g_free (assert_refused (xlsx, "damaged.xlsx", MC_LOADER_ERROR_VALUE,
                          "cell B2: it refers to shared text “7”, which does not exist"));
}

/* A value repeated over a spreadsheet's every row and column, in a few
 * bytes: refused before a copy is made, at the cell that asks. */
static void
test_ods_repeat_bomb (void)
{
  g_autofree char *rows = g_strconcat (ods_table,
                                       "<table:table-row table:number-rows-repeated=\"1048576\">"
                                       "<table:table-cell table:number-columns-repeated="
                                       "\"16384\" office:value-type=\"float\" "
                                       "office:value=\"1\"/></table:table-row>", NULL);
  g_autoptr(GBytes) bomb = ods_of_rows (rows);
  g_autofree char *message = NULL;

  message = assert_refused (bomb, "bomb.ods", MC_LOADER_ERROR_TOO_LARGE,
                            "bomb.ods:Data!A4: the sheet repeats its cells more than 16777216 "
                            "times in all");
}

/* The guards of the container and of the XML are the same as for
 * XLSX: a DTD, malformed XML, a missing part. */
static void
test_ods_hostile_xml (void)
{
  g_autofree char *dtd = g_strconcat ("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a "
                                      "\"aaaa\">]>\n", ods_start + strlen ("<?xml version="
                                      "\"1.0\" encoding=\"UTF-8\"?>\n"), ods_table, ods_end,
                                      NULL);
  g_autofree char *crossed = g_strconcat (ods_start, "<table:table-row>\n<table:table-cell>"
                                          "</table:table-row>", ods_end, NULL);
  g_autoptr(GBytes) with_dtd = mc_test_ods_new (dtd, 0);
  g_autoptr(GBytes) malformed = mc_test_ods_new (crossed, 0);
  const McTestEntry entries[] = {
    { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, TRUE },
    { "META-INF/manifest.xml", "<manifest/>", 0, FALSE },
  };
  g_autoptr(GBytes) empty = mc_test_zip_new (entries, G_N_ELEMENTS (entries));
  g_autofree char *message = NULL;
  g_autofree char *other = NULL;
  g_autofree char *last = NULL;

  message = assert_refused (with_dtd, "dtd.ods", MC_LOADER_ERROR_SYNTAX,
                            "content.xml declares a DTD, which workbooks never do");
  other = assert_refused (malformed, "crossed.ods", MC_LOADER_ERROR_SYNTAX,
                          "content.xml, line 3: the XML is malformed: Opening and ending tag "
                          "mismatch");
  last = assert_refused (empty, "empty.ods", MC_LOADER_ERROR_MISSING,
                         "the workbook has no “content.xml”; it may be damaged");
}

/* Named .ods or not, the archive is recognized by its first entry. */
static void
test_ods_recognized (void)
{
  g_autoptr(GBytes) book = ods_of_rows (ods_table);
  g_autoptr(GError) error = NULL;
  g_autoptr(McDataset) dataset = load_bytes (book, "clipboard", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mc_dataset_get_n_rows (dataset), ==, 2);
  g_assert_cmpfloat (mc_column_get_value (mc_dataset_get_column (dataset, 1), 0), ==, 11.8);
}

/* HTML */

/* Each cell that spans the rows below pushes their cells to the right:
 * rows of a few bytes each would make a grid of thousands of columns by
 * thousands of rows. The copies are limited, at the cell that goes over. */
static void
test_html_span_bomb (void)
{
  g_autoptr(GString) page = g_string_new ("<table><tr><th>a</th><th>b</th></tr>");
  g_autoptr(GBytes) bomb = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < 8000; i++)
    g_string_append (page, "<tr><td>1</td><td rowspan=\"65534\">2</td></tr>");
  g_string_append (page, "</table>");
  bomb = g_bytes_new (page->str, page->len);
  message = assert_refused (bomb, "bomb.html", MC_LOADER_ERROR_TOO_LARGE,
                            "the cells of the table span more than 16777216 cells in all");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mc/workbooks/xlsx/plain", test_plain);
  g_test_add_func ("/mc/workbooks/xlsx/declared-size", test_declared_size);
  g_test_add_func ("/mc/workbooks/xlsx/understated-size", test_understated_size);
  g_test_add_func ("/mc/workbooks/xlsx/inflation", test_inflation);
  g_test_add_func ("/mc/workbooks/xlsx/entry-leaves-folder", test_entry_leaves_folder);
  g_test_add_func ("/mc/workbooks/xlsx/damaged", test_damaged);
  g_test_add_func ("/mc/workbooks/xlsx/dtd", test_dtd);
  g_test_add_func ("/mc/workbooks/xlsx/undeclared-entity", test_undeclared_entity);
  g_test_add_func ("/mc/workbooks/xlsx/malformed", test_malformed);
  g_test_add_func ("/mc/workbooks/xlsx/many-rows", test_many_rows);
  g_test_add_func ("/mc/workbooks/xlsx/too-many-columns", test_too_many_columns);
  g_test_add_func ("/mc/workbooks/ods/empty-repeats", test_ods_empty_repeats);
  g_test_add_func ("/mc/workbooks/ods/repeat-bomb", test_ods_repeat_bomb);
  g_test_add_func ("/mc/workbooks/damaged-numbers", test_damaged_numbers);
  g_test_add_func ("/mc/workbooks/ods/hostile-xml", test_ods_hostile_xml);
  g_test_add_func ("/mc/workbooks/ods/recognized", test_ods_recognized);
  g_test_add_func ("/mc/workbooks/html/span-bomb", test_html_span_bomb);

  return g_test_run ();
}
