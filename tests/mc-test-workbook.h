/* mc-test-workbook.h: workbooks made at run time, written with libgsf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One entry of a zip archive: its path ("xl/workbook.xml"), its contents
 * (@length 0: up to the NUL) and whether it is stored as it is rather
 * than deflated (an ODS file's "mimetype"). */
typedef struct
{
  const char  *path;
  const char  *data;
  gsize        length;
  gboolean     stored;
} McTestEntry;

/* A zip archive of @entries, in their order. */
GBytes  *mc_test_zip_new        (const McTestEntry  *entries,
                                 guint               n_entries);
/* An XLSX workbook with one sheet, "Data", whose part is @sheet
 * (@length 0: up to the NUL). */
GBytes  *mc_test_xlsx_new       (const char         *sheet,
                                 gsize               length);
/* An ODS workbook whose content.xml is @content. */
GBytes  *mc_test_ods_new        (const char         *content,
                                 gsize               length);
/* @bytes with every @from replaced by @to, of the same length: an entry
 * renamed after the archive was written, as libgsf would not name it. */
GBytes  *mc_test_bytes_replace  (GBytes             *bytes,
                                 const char         *from,
                                 const char         *to);

G_END_DECLS
