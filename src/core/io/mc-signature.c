/* mc-signature.c: files that are clearly not tables, by their first bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An image, a PDF or an archive opened by mistake would otherwise reach
 * the CSV reader and be refused for its invalid text, which tells the
 * user nothing. Their signatures say what they are, and a spreadsheet in
 * a format no reader knows (XLS, Numbers) says how to save it as one
 * that opens.
 */
#include "config.h"

#include "mc-signature.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-workbook.h"

typedef struct
{
  const char  *magic;
  gsize        length;
  const char  *message;
} Signature;

#define SIGNATURE(magic, message) { magic, sizeof magic - 1, message }

static const Signature signatures[] = {
  SIGNATURE ("\x89PNG\r\n\x1a\n", N_("this looks like a PNG image, not a table")),
  SIGNATURE ("\xff\xd8\xff", N_("this looks like a JPEG image, not a table")),
  SIGNATURE ("GIF87a", N_("this looks like a GIF image, not a table")),
  SIGNATURE ("GIF89a", N_("this looks like a GIF image, not a table")),
  SIGNATURE ("%PDF-", N_("this looks like a PDF document, not a table")),
  SIGNATURE ("\x1f\x8b", N_("this looks like a gzip-compressed file, not a table; "
                            "uncompress it and open the table inside")),
  SIGNATURE ("Rar!\x1a\x07", N_("this looks like a RAR archive, not a table; "
                                "unpack it and open the table inside")),
  SIGNATURE ("7z\xbc\xaf\x27\x1c", N_("this looks like a 7-Zip archive, not a table; "
                                      "unpack it and open the table inside")),
  /* OLE2 compound files: Excel 97–2003 wrote its workbooks in them */
  SIGNATURE ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
             N_("this is an Excel 97–2003 workbook (XLS); save it as XLSX or CSV to open it")),
};

/* A zip archive that no workbook reader took: Apple Numbers keeps its
 * sheets in Index/, a Word document in word/. A hostile or damaged
 * archive is refused as a workbook would be. */
static gboolean
check_zip (const char  *name,
           const char  *data,
           gsize        length,
           GError     **error)
{
  McWorkbook zip;
  const char *message = N_("this looks like a zip archive, not a table; unpack it and open "
                           "the table inside");

  if (!mc_workbook_open (&zip, name, data, length, error))
    {
      mc_workbook_close (&zip);
      return FALSE;
    }
  if (mc_workbook_has_entry (&zip, "Index/Document.iwa"))
    message = N_("this is an Apple Numbers spreadsheet; export it as XLSX or CSV "
                 "(File ▸ Export To) to open it");
  else if (mc_workbook_has_entry (&zip, "word/document.xml"))
    message = N_("this looks like a Word document, not a table");
  mc_workbook_close (&zip);
  mc_loader_set_error (error, MC_LOADER_ERROR_FORMAT, name, 0, 0, "%s", _(message));
  return FALSE;
}

/**
 * mc_signature_check_table:
 * @name: the file's name, for messages
 *
 * Refuses data whose first bytes say it is something other than a
 * table: an image, a PDF, an archive, a workbook in a format no reader
 * knows. Call it when no reader recognizes the data by its signature.
 *
 * Returns: %FALSE with @error set (%MC_LOADER_ERROR_FORMAT) saying what
 *   the data looks like; %TRUE when it may be a table
 */
gboolean
mc_signature_check_table (const char  *name,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  const char *message = NULL;

  for (guint i = 0; message == NULL && i < G_N_ELEMENTS (signatures); i++)
    if (length >= signatures[i].length
        && memcmp (data, signatures[i].magic, signatures[i].length) == 0)
      message = signatures[i].message;
  if (message == NULL && length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return check_zip (name, data, length, error);
  if (message == NULL)
    return TRUE;
  mc_loader_set_error (error, MC_LOADER_ERROR_FORMAT, name, 0, 0, "%s", _(message));
  return FALSE;
}
