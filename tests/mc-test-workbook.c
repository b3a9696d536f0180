/* mc-test-workbook.c: workbooks made at run time, written with libgsf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests of hostile workbooks need archives no spreadsheet program
 * writes: they are written here with libgsf's zip writer, then changed
 * byte by byte where the test needs a lie.
 */
#include "config.h"

#include "mc-test-workbook.h"

#include <gsf/gsf.h>
#include <string.h>

static const char xlsx_workbook[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char xlsx_relationships[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
  "Target=\"worksheets/sheet1.xml\"/></Relationships>";

static const char ods_manifest[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
  "manifest:version=\"1.2\">"
  "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
  "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
  "</manifest:manifest>";

/* The folder of @path, made as the archive's children on the way. */
static GsfOutfile *
open_folder (GsfOutfile  *zip,
             char       **parts,
             guint        n_parts)
{
  GsfOutfile *folder = g_object_ref (zip);

  for (guint i = 0; i + 1 < n_parts; i++)
    {
      GsfOutput *child = gsf_outfile_new_child (folder, parts[i], TRUE);

      g_object_unref (folder);
      folder = GSF_OUTFILE (child);
    }
  return folder;
}

static void
add_entry (GsfOutfile        *zip,
           const McTestEntry *entry)
{
  g_auto(GStrv) parts = g_strsplit (entry->path, "/", 0);
  guint n_parts = g_strv_length (parts);
  GsfOutfile *folder = open_folder (zip, parts, n_parts);
  gsize length = entry->length ? entry->length : strlen (entry->data);
  GsfOutput *child;

  child = gsf_outfile_new_child_full (folder, parts[n_parts - 1], FALSE, "compression-level",
                                      entry->stored ? GSF_ZIP_STORED : GSF_ZIP_DEFLATED, NULL);
  g_assert_true (gsf_output_write (child, length, (const guint8 *) entry->data));
  g_assert_true (gsf_output_close (child));
  g_object_unref (child);
  if (folder != zip)
    gsf_output_close (GSF_OUTPUT (folder));
  g_object_unref (folder);
}

GBytes *
mc_test_zip_new (const McTestEntry *entries,
                 guint              n_entries)
{
  g_autoptr(GError) error = NULL;
  /* libgsf 1.14 has no cleanup functions for g_autoptr() */
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  for (guint i = 0; i < n_entries; i++)
    add_entry (zip, &entries[i]);
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_assert_true (gsf_output_close (memory));
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                       gsf_output_size (memory));
  g_object_unref (zip);
  g_object_unref (memory);
  return bytes;
}

GBytes *
mc_test_xlsx_new (const char *sheet,
                  gsize       length)
{
  const McTestEntry entries[] = {
    { "xl/workbook.xml", xlsx_workbook, 0, FALSE },
    { "xl/_rels/workbook.xml.rels", xlsx_relationships, 0, FALSE },
    { "xl/worksheets/sheet1.xml", sheet, length, FALSE },
  };

  return mc_test_zip_new (entries, G_N_ELEMENTS (entries));
}

GBytes *
mc_test_ods_new (const char *content,
                 gsize       length)
{
  const McTestEntry entries[] = {
    { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0, TRUE },
    { "META-INF/manifest.xml", ods_manifest, 0, FALSE },
    { "content.xml", content, length, FALSE },
  };

  return mc_test_zip_new (entries, G_N_ELEMENTS (entries));
}

GBytes *
mc_test_bytes_replace (GBytes     *bytes,
                       const char *from,
                       const char *to)
{
  gsize length, n = strlen (from);
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &length);
  guint replaced = 0;

  g_assert_cmpuint (strlen (to), ==, n);
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, from, n) == 0)
      {
        memcpy (data + i, to, n);
        replaced++;
      }
  g_assert_cmpuint (replaced, >, 0);
  return g_bytes_new_take (data, length);
}
