/* mc-load-options.h: how to read a file that could be read several ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the user chose about a file: which sheet of a workbook, where the
 * records of a JSON file are, which character separates the fields of a
 * CSV file. Every field is optional (NULL or 0): the readers then find
 * it themselves, or ask. */
typedef struct
{
  char *sheet;      /* a sheet's name, or its number from 1 */
  char *records;    /* JSON: the path of the array of records, "data.items" */
  char  delimiter;  /* CSV: ',', ';', '\t' or '|' */
  char *format;     /* a reader's id, for data whose name says nothing */
} McLoadOptions;

McLoadOptions  *mc_load_options_new          (void);
McLoadOptions  *mc_load_options_copy         (const McLoadOptions  *options);
void            mc_load_options_free         (McLoadOptions        *options);
gboolean        mc_load_options_is_default   (const McLoadOptions  *options);
void            mc_load_options_set_sheet    (McLoadOptions        *options,
                                              const char           *sheet);
void            mc_load_options_set_records  (McLoadOptions        *options,
                                              const char           *records);
void            mc_load_options_set_format   (McLoadOptions        *options,
                                              const char           *format);
/* "," ";" "tab" "|" (also "\t", "comma", "semicolon", "pipe"). */
gboolean        mc_load_options_parse_delimiter (const char        *text,
                                              char                 *delimiter);
/* As a URI query, to remember with a file: "sheet=Revenue&delimiter=%3B". */
char           *mc_load_options_to_string    (const McLoadOptions  *options);
McLoadOptions  *mc_load_options_from_string  (const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McLoadOptions, mc_load_options_free)

G_END_DECLS
