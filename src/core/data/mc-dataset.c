/* mc-dataset.c: a typed table with metadata and chart specifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-dataset.h"

#include <math.h>

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

struct _McDataset
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *description;
  char       *source_name;
  char       *source_url;
  char       *source_date;
  GFile      *file;
  gboolean    bundled;
  GPtrArray  *columns;   /* McColumn */
  GPtrArray  *charts;    /* McChartSpec */
  GPtrArray  *warnings;  /* char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (McDataset, mc_dataset, G_TYPE_OBJECT)

static void
mc_set_str (char       **dest,
            const char  *value)
{
  if (*dest == value)
    return;
  g_free (*dest);
  *dest = g_strdup (value);
}

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

/* Chart specs */

McChartSpec *
mc_chart_spec_new (void)
{
  McChartSpec *spec = g_new0 (McChartSpec, 1);

  spec->total = NAN;
  return spec;
}

McChartSpec *
mc_chart_spec_copy (const McChartSpec *spec)
{
  McChartSpec *copy;

  g_return_val_if_fail (spec != NULL, NULL);

  copy = g_new0 (McChartSpec, 1);
  *copy = *spec;
  copy->id = g_strdup (spec->id);
  copy->title = g_strdup (spec->title);
  copy->subtitle = g_strdup (spec->subtitle);
  copy->x = g_strdup (spec->x);
  copy->y = g_strdupv (spec->y);
  copy->y2 = g_strdupv (spec->y2);
  copy->series = g_strdup (spec->series);
  copy->other_label = g_strdup (spec->other_label);
  return copy;
}

void
mc_chart_spec_free (McChartSpec *spec)
{
  if (spec == NULL)
    return;

  g_free (spec->id);
  g_free (spec->title);
  g_free (spec->subtitle);
  g_free (spec->x);
  g_strfreev (spec->y);
  g_strfreev (spec->y2);
  g_free (spec->series);
  g_free (spec->other_label);
  g_free (spec);
}

/* Names as written in dataset files */

static const char * const chart_type_names[] = { "bar", "line", "area", "pie" };
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
mc_chart_type_to_string (McChartType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (chart_type_names), NULL);
  return chart_type_names[type];
}

gboolean
mc_chart_type_from_string (const char  *name,
                           McChartType *type)
{
  int index;

  if (!lookup_name (chart_type_names, G_N_ELEMENTS (chart_type_names), name, &index))
    return FALSE;
  *type = index;
  return TRUE;
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

/* Dataset */

static void
mc_dataset_finalize (GObject *object)
{
  McDataset *self = MC_DATASET (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->source_name);
  g_free (self->source_url);
  g_free (self->source_date);
  g_clear_object (&self->file);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_dataset_parent_class)->finalize (object);
}

static void
mc_dataset_class_init (McDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_dataset_finalize;
}

static void
mc_dataset_init (McDataset *self)
{
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_column_free);
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_chart_spec_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
}

McDataset *
mc_dataset_new (const char *id)
{
  McDataset *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (MC_TYPE_DATASET, NULL);
  self->id = g_strdup (id);
  return self;
}

const char *
mc_dataset_get_id (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->id;
}

const char *
mc_dataset_get_title (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->title ? self->title : self->id;
}

void
mc_dataset_set_title (McDataset  *self,
                      const char *title)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_set_str (&self->title, title);
}

const char *
mc_dataset_get_description (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->description;
}

void
mc_dataset_set_description (McDataset  *self,
                            const char *description)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_set_str (&self->description, description);
}

const char *
mc_dataset_get_source_name (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->source_name;
}

const char *
mc_dataset_get_source_url (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->source_url;
}

const char *
mc_dataset_get_source_date (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->source_date;
}

void
mc_dataset_set_source (McDataset  *self,
                       const char *name,
                       const char *url,
                       const char *date)
{
  g_return_if_fail (MC_IS_DATASET (self));
  mc_set_str (&self->source_name, name);
  mc_set_str (&self->source_url, url);
  mc_set_str (&self->source_date, date);
}

GFile *
mc_dataset_get_file (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return self->file;
}

void
mc_dataset_set_file (McDataset *self,
                     GFile     *file)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_set_object (&self->file, file);
}

gboolean
mc_dataset_get_bundled (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);
  return self->bundled;
}

void
mc_dataset_set_bundled (McDataset *self,
                        gboolean   bundled)
{
  g_return_if_fail (MC_IS_DATASET (self));
  self->bundled = !!bundled;
}

guint
mc_dataset_get_n_rows (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), 0);

  if (self->columns->len == 0)
    return 0;
  return mc_column_get_n_rows (g_ptr_array_index (self->columns, 0));
}

guint
mc_dataset_get_n_columns (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), 0);
  return self->columns->len;
}

McColumn *
mc_dataset_get_column (McDataset *self,
                       guint      index)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, index);
}

int
mc_dataset_get_column_index (McDataset  *self,
                             const char *id)
{
  g_return_val_if_fail (MC_IS_DATASET (self), -1);

  for (guint i = 0; id != NULL && i < self->columns->len; i++)
    {
      McColumn *column = g_ptr_array_index (self->columns, i);

      if (g_str_equal (column->id, id))
        return i;
    }
  return -1;
}

McColumn *
mc_dataset_lookup_column (McDataset  *self,
                          const char *id)
{
  int index = mc_dataset_get_column_index (self, id);

  return index < 0 ? NULL : g_ptr_array_index (self->columns, index);
}

gboolean
mc_dataset_add_column (McDataset *self,
                       McColumn  *column)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  if (mc_dataset_get_column_index (self, column->id) >= 0)
    {
      mc_column_free (column);
      return FALSE;
    }
  g_ptr_array_add (self->columns, column);
  return TRUE;
}

guint
mc_dataset_get_n_charts (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), 0);
  return self->charts->len;
}

const McChartSpec *
mc_dataset_get_chart (McDataset *self,
                      guint      index)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);
  return g_ptr_array_index (self->charts, index);
}

const McChartSpec *
mc_dataset_lookup_chart (McDataset  *self,
                         const char *id)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);

  for (guint i = 0; id != NULL && i < self->charts->len; i++)
    {
      const McChartSpec *spec = g_ptr_array_index (self->charts, i);

      if (g_strcmp0 (spec->id, id) == 0)
        return spec;
    }
  return NULL;
}

gboolean
mc_dataset_add_chart (McDataset   *self,
                      McChartSpec *spec)
{
  g_return_val_if_fail (MC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (spec != NULL && spec->id != NULL, FALSE);

  if (mc_dataset_lookup_chart (self, spec->id) != NULL)
    {
      mc_chart_spec_free (spec);
      return FALSE;
    }
  g_ptr_array_add (self->charts, spec);
  return TRUE;
}

const char * const *
mc_dataset_get_warnings (McDataset *self)
{
  g_return_val_if_fail (MC_IS_DATASET (self), NULL);
  return (const char * const *) self->warnings->pdata;
}

void
mc_dataset_add_warning (McDataset  *self,
                        const char *message)
{
  g_return_if_fail (MC_IS_DATASET (self));
  g_return_if_fail (message != NULL);

  /* Keep the array NULL-terminated. */
  self->warnings->pdata[self->warnings->len - 1] = g_strdup (message);
  g_ptr_array_add (self->warnings, NULL);
}
