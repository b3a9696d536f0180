/* mc-row-keys.h: rows as keys of hash tables, by their cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mc-column.h"

G_BEGIN_DECLS

/* A row as a key of a hash table, by its cells in some columns, without
 * writing a text of it (the texts of a million rows were most of the
 * work of finding rows of the same date and company): texts by their
 * content (a missing one as an empty one), numbers by
 * mc_row_keys_same_value(). A table of them is
 * g_hash_table_new (mc_row_key_hash, mc_row_key_equal). */
typedef struct
{
  McColumn *const *columns;
  guint            n_columns;
  guint            row;
  guint            hash;
} McRowKey;

/* The keys of every row of @columns (@n_columns of them, which must
 * outlive the keys), freed with g_free(). */
McRowKey *mc_row_keys_new         (McColumn *const *columns,
                                   guint            n_columns);
guint     mc_row_key_hash         (gconstpointer    key);
gboolean  mc_row_key_equal        (gconstpointer    a,
                                   gconstpointer    b);

/* The cells of @column numbered as keys tell them apart (texts by
 * their codes, mc_column_get_text_codes()): the number of each row,
 * freed with g_free(); how many numbers in @n_numbers. */
guint    *mc_row_keys_number      (McColumn        *column,
                                   guint           *n_numbers);

/* Whether two values are the same key: the same number, to the sign of
 * a zero, or both NAN of the same sign (as "%.17g" tells them apart). */
gboolean  mc_row_keys_same_value  (double           a,
                                   double           b);
/* Whether rows @a and @b of @column are the same key. */
gboolean  mc_row_keys_same_cell   (McColumn        *column,
                                   guint            a,
                                   guint            b);

G_END_DECLS
