/* mc-column.c: one typed column of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-column.h"

#include <math.h>

#include "mc-string-util.h"

typedef struct
{
  gboolean  estimate;
  char     *note;
} McAnnotation;

struct _McColumn
{
  char            *id;
  char            *label;
  char            *unit;
  char            *description;
  McColumnType     type;
  McScale          scale;
  McDatePrecision  date_precision;
  GArray          *values;       /* double; number, date, boolean columns */
  GPtrArray       *strings;      /* char *; string columns */
  GHashTable      *annotations;  /* row -> McAnnotation; created on demand */
};

static void
mc_annotation_free (gpointer data)
{
  McAnnotation *annotation = data;

  g_free (annotation->note);
  g_free (annotation);
}

/* Columns */

McColumn *
mc_column_new (const char   *id,
               const char   *label,
               McColumnType  type)
{
  McColumn *column;

  g_return_val_if_fail (id != NULL, NULL);

  column = g_new0 (McColumn, 1);
  column->id = g_strdup (id);
  column->label = g_strdup (label ? label : id);
  column->type = type;
  column->date_precision = MC_DATE_DAY;
  if (type == MC_COLUMN_STRING)
    column->strings = g_ptr_array_new_with_free_func (g_free);
  else
    column->values = g_array_new (FALSE, FALSE, sizeof (double));

  return column;
}

void
mc_column_free (McColumn *column)
{
  if (column == NULL)
    return;

  g_free (column->id);
  g_free (column->label);
  g_free (column->unit);
  g_free (column->description);
  g_clear_pointer (&column->values, g_array_unref);
  g_clear_pointer (&column->strings, g_ptr_array_unref);
  g_clear_pointer (&column->annotations, g_hash_table_unref);
  g_free (column);
}

const char *
mc_column_get_id (const McColumn *column)
{
  return column->id;
}

const char *
mc_column_get_label (const McColumn *column)
{
  return column->label;
}

McColumnType
mc_column_get_column_type (const McColumn *column)
{
  return column->type;
}

const char *
mc_column_get_unit (const McColumn *column)
{
  return column->unit;
}

void
mc_column_set_unit (McColumn   *column,
                    const char *unit)
{
  mc_set_str (&column->unit, unit);
}

McScale
mc_column_get_scale (const McColumn *column)
{
  return column->scale;
}

void
mc_column_set_scale (McColumn *column,
                     McScale   scale)
{
  column->scale = scale;
}

McDatePrecision
mc_column_get_date_precision (const McColumn *column)
{
  return column->date_precision;
}

void
mc_column_set_date_precision (McColumn        *column,
                              McDatePrecision  precision)
{
  column->date_precision = precision;
}

const char *
mc_column_get_description (const McColumn *column)
{
  return column->description;
}

void
mc_column_set_description (McColumn   *column,
                           const char *description)
{
  mc_set_str (&column->description, description);
}

guint
mc_column_get_n_rows (const McColumn *column)
{
  return column->strings ? column->strings->len : column->values->len;
}

void
mc_column_append_value (McColumn *column,
                        double    value)
{
  g_return_if_fail (column->type != MC_COLUMN_STRING);

  g_array_append_val (column->values, value);
}

void
mc_column_append_string (McColumn   *column,
                         const char *value)
{
  g_return_if_fail (column->type == MC_COLUMN_STRING);

  g_ptr_array_add (column->strings, g_strdup (value));
}

void
mc_column_append_missing (McColumn *column)
{
  if (column->type == MC_COLUMN_STRING)
    mc_column_append_string (column, NULL);
  else
    mc_column_append_value (column, NAN);
}

void
mc_column_take_values (McColumn *column,
                       GArray   *values)
{
  g_return_if_fail (column != NULL);
  g_return_if_fail (column->type != MC_COLUMN_STRING);
  g_return_if_fail (values != NULL && g_array_get_element_size (values) == sizeof (double));

  g_array_unref (column->values);
  column->values = values;
}

GArray *
mc_column_ref_values (const McColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (column->type != MC_COLUMN_STRING, NULL);

  return g_array_ref (column->values);
}

void
mc_column_set_annotation (McColumn   *column,
                          guint       row,
                          gboolean    estimate,
                          const char *note)
{
  McAnnotation *annotation;

  g_return_if_fail (row < mc_column_get_n_rows (column));

  if (!estimate && (note == NULL || *note == '\0'))
    {
      if (column->annotations)
        g_hash_table_remove (column->annotations, GUINT_TO_POINTER (row));
      return;
    }

  if (column->annotations == NULL)
    column->annotations = g_hash_table_new_full (NULL, NULL, NULL, mc_annotation_free);

  annotation = g_new0 (McAnnotation, 1);
  annotation->estimate = estimate;
  annotation->note = (note && *note) ? g_strdup (note) : NULL;
  g_hash_table_replace (column->annotations, GUINT_TO_POINTER (row), annotation);
}

const double *
mc_column_get_values (const McColumn *column,
                      guint          *n_values)
{
  g_return_val_if_fail (column->type != MC_COLUMN_STRING, NULL);

  if (n_values)
    *n_values = column->values->len;
  return (const double *) (gpointer) column->values->data;
}

double
mc_column_get_value (const McColumn *column,
                     guint           row)
{
  g_return_val_if_fail (column->type != MC_COLUMN_STRING, NAN);
  g_return_val_if_fail (row < column->values->len, NAN);

  return g_array_index (column->values, double, row);
}

const char *
mc_column_get_string (const McColumn *column,
                      guint           row)
{
  g_return_val_if_fail (column->type == MC_COLUMN_STRING, NULL);
  g_return_val_if_fail (row < column->strings->len, NULL);

  return g_ptr_array_index (column->strings, row);
}

gboolean
mc_column_is_missing (const McColumn *column,
                      guint           row)
{
  if (column->type == MC_COLUMN_STRING)
    return mc_column_get_string (column, row) == NULL;
  return isnan (mc_column_get_value (column, row));
}

static const McAnnotation *
mc_column_lookup_annotation (const McColumn *column,
                             guint           row)
{
  if (column->annotations == NULL)
    return NULL;
  return g_hash_table_lookup (column->annotations, GUINT_TO_POINTER (row));
}

gboolean
mc_column_is_estimate (const McColumn *column,
                       guint           row)
{
  const McAnnotation *annotation = mc_column_lookup_annotation (column, row);

  return annotation != NULL && annotation->estimate;
}

const char *
mc_column_get_note (const McColumn *column,
                    guint           row)
{
  const McAnnotation *annotation = mc_column_lookup_annotation (column, row);

  return annotation ? annotation->note : NULL;
}

gboolean
mc_column_has_annotations (const McColumn *column)
{
  return column->annotations != NULL && g_hash_table_size (column->annotations) > 0;
}

/* Names as written in dataset files */

static const char * const column_type_names[] = { "string", "number", "date", "boolean" };
static const char * const scale_names[] = { "none", "thousand", "million", "billion", "trillion" };

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name,
             int                *index)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    {
      if (g_str_equal (names[i], name))
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
mc_column_type_to_string (McColumnType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (column_type_names), NULL);
  return column_type_names[type];
}

gboolean
mc_column_type_from_string (const char   *name,
                            McColumnType *type)
{
  int index;

  if (!lookup_name (column_type_names, G_N_ELEMENTS (column_type_names), name, &index))
    return FALSE;
  *type = index;
  return TRUE;
}

const char *
mc_scale_to_string (McScale scale)
{
  g_return_val_if_fail (scale < G_N_ELEMENTS (scale_names), NULL);
  return scale_names[scale];
}

gboolean
mc_scale_from_string (const char *name,
                      McScale    *scale)
{
  int index;

  if (!lookup_name (scale_names, G_N_ELEMENTS (scale_names), name, &index))
    return FALSE;
  *scale = index;
  return TRUE;
}

double
mc_scale_get_factor (McScale scale)
{
  switch (scale)
    {
    case MC_SCALE_NONE: return 1;
    case MC_SCALE_THOUSAND: return 1e3;
    case MC_SCALE_MILLION: return 1e6;
    case MC_SCALE_BILLION: return 1e9;
    case MC_SCALE_TRILLION: return 1e12;
    default: g_return_val_if_reached (1);
    }
}

static gboolean
values_equal (double a,
              double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static gboolean
annotations_equal (const McColumn *a,
                   const McColumn *b)
{
  guint n_rows = mc_column_get_n_rows (a);

  if (!mc_column_has_annotations (a) && !mc_column_has_annotations (b))
    return TRUE;
  for (guint row = 0; row < n_rows; row++)
    if (mc_column_is_estimate (a, row) != mc_column_is_estimate (b, row)
        || g_strcmp0 (mc_column_get_note (a, row), mc_column_get_note (b, row)) != 0)
      return FALSE;
  return TRUE;
}

/**
 * mc_column_equal:
 *
 * Returns: whether @a and @b hold the same values, annotations and
 *   metadata (a missing value equals a missing value)
 */
gboolean
mc_column_equal (const McColumn *a,
                 const McColumn *b)
{
  guint n_rows;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  n_rows = mc_column_get_n_rows (a);
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->label, b->label) != 0
      || g_strcmp0 (a->unit, b->unit) != 0 || g_strcmp0 (a->description, b->description) != 0
      || a->type != b->type || a->scale != b->scale
      || (a->type == MC_COLUMN_DATE && a->date_precision != b->date_precision)
      || n_rows != mc_column_get_n_rows (b))
    return FALSE;
  for (guint row = 0; row < n_rows; row++)
    if (a->type == MC_COLUMN_STRING
        ? g_strcmp0 (mc_column_get_string (a, row), mc_column_get_string (b, row)) != 0
        : !values_equal (mc_column_get_value (a, row), mc_column_get_value (b, row)))
      return FALSE;
  return annotations_equal (a, b);
}
