/* mc-edit-charts.c: edits of charts: adding, deleting, moving and
 * changing them
 *
 * Whether a chart still fits its data after an edit is not for the data
 * layer to say: the document asks its check (mc_document_set_check()),
 * which the chart kinds answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-edit.h"
#include "mc-edit-private.h"

#include <glib/gi18n.h>

gboolean
mc_edit_lookup_chart (McDataset   *dataset,
                      const char  *id,
                      guint       *index,
                      GError     **error)
{
  int found = mc_dataset_get_chart_index (dataset, id);
  g_autofree char *shown = NULL;

  if (found >= 0)
    {
      *index = found;
      return TRUE;
    }
  shown = mc_edit_shown_id (id);
  g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_CHART,
               _("There is no chart “%s”"), shown);
  return FALSE;
}

static void
chart_change (int       index,
              McChange *change)
{
  *change = (McChange) { MC_CHANGE_CHARTS, 0, 0, -1, index };
}

/* Whether a chart can go at @index, which is at most @last. */
static gboolean
check_chart_place (McDataset  *dataset,
                   guint       index,
                   guint       last,
                   GError    **error)
{
  guint n_charts = mc_dataset_get_n_charts (dataset);

  if (index <= last)
    return TRUE;
  g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_CHART,
               ngettext ("A chart cannot go at place %u: the dataset has %u chart",
                         "A chart cannot go at place %u: the dataset has %u charts", n_charts),
               index + 1, n_charts);
  return FALSE;
}

/* Adding a chart */

typedef struct
{
  guint        index;
  McChartSpec *spec;
} AddChart;

static gboolean
add_chart_apply (gpointer    data,
                 McDataset  *dataset,
                 McChange   *change,
                 GError    **error)
{
  AddChart *self = data;
  g_autofree char *shown = NULL;

  if (!check_chart_place (dataset, self->index, mc_dataset_get_n_charts (dataset), error))
    return FALSE;
  if (mc_dataset_lookup_chart (dataset, self->spec->id) != NULL)
    {
      shown = mc_edit_shown_id (self->spec->id);
      g_set_error (error, MC_EDIT_ERROR, MC_EDIT_ERROR_DUPLICATE,
                   _("There is already a chart “%s”"), shown);
      return FALSE;
    }

  mc_dataset_insert_chart (dataset, self->index, mc_chart_spec_copy (self->spec));
  chart_change (self->index, change);
  return TRUE;
}

static void
add_chart_revert (gpointer   data,
                  McDataset *dataset,
                  McChange  *change)
{
  AddChart *self = data;

  mc_chart_spec_free (mc_dataset_steal_chart (dataset, self->index));
  chart_change (self->index, change);
}

static void
add_chart_free (gpointer data)
{
  AddChart *self = data;

  mc_chart_spec_free (self->spec);
  g_free (self);
}

static const McEditClass add_chart_class = {
  add_chart_apply,
  add_chart_revert,
  NULL,
  add_chart_free,
};

/**
 * mc_edit_new_add_chart:
 * @index: where the chart goes, from 0 to the number of charts
 * @spec: the chart, with an id no other chart has; copied
 * @label: the edit as the Undo and Redo menu items name it ("New
 *   Chart", "Duplicate Chart"), translated
 *
 * Returns: (transfer full): an edit that inserts a chart
 */
McEdit *
mc_edit_new_add_chart (guint              index,
                       const McChartSpec *spec,
                       const char        *label)
{
  AddChart *self;

  g_return_val_if_fail (spec != NULL && spec->id != NULL && label != NULL, NULL);

  self = g_new0 (AddChart, 1);
  self->index = index;
  self->spec = mc_chart_spec_copy (spec);
  return mc_edit_new (&add_chart_class, label, self);
}

/* Deleting a chart: the edit keeps it, to put it back. */

typedef struct
{
  char        *id;
  guint        index;
  McChartSpec *removed;
} RemoveChart;

static gboolean
remove_chart_apply (gpointer    data,
                    McDataset  *dataset,
                    McChange   *change,
                    GError    **error)
{
  RemoveChart *self = data;

  if (!mc_edit_lookup_chart (dataset, self->id, &self->index, error))
    return FALSE;

  self->removed = mc_dataset_steal_chart (dataset, self->index);
  chart_change (self->index, change);
  return TRUE;
}

static void
remove_chart_revert (gpointer   data,
                     McDataset *dataset,
                     McChange  *change)
{
  RemoveChart *self = data;

  mc_dataset_insert_chart (dataset, self->index, g_steal_pointer (&self->removed));
  chart_change (self->index, change);
}

static void
remove_chart_free (gpointer data)
{
  RemoveChart *self = data;

  g_free (self->id);
  g_clear_pointer (&self->removed, mc_chart_spec_free);
  g_free (self);
}

static const McEditClass remove_chart_class = {
  remove_chart_apply,
  remove_chart_revert,
  NULL,
  remove_chart_free,
};

/**
 * mc_edit_new_remove_chart:
 * @id: the id of a chart
 *
 * Returns: (transfer full): an edit that deletes a chart
 */
McEdit *
mc_edit_new_remove_chart (const char *id)
{
  RemoveChart *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (RemoveChart, 1);
  self->id = g_strdup (id);
  /* Translators: an action to undo or redo, as in “Undo Delete Chart” */
  return mc_edit_new (&remove_chart_class, _("Delete Chart"), self);
}

/* Moving a chart */

typedef struct
{
  char  *id;
  guint  from;
  guint  to;
} MoveChart;

static gboolean
move_chart_apply (gpointer    data,
                  McDataset  *dataset,
                  McChange   *change,
                  GError    **error)
{
  MoveChart *self = data;
  guint n_charts = mc_dataset_get_n_charts (dataset);

  /* A chart found means at least one: n_charts - 1 does not wrap. */
  if (!mc_edit_lookup_chart (dataset, self->id, &self->from, error)
      || !check_chart_place (dataset, self->to, n_charts - 1, error))
    return FALSE;

  mc_dataset_move_chart (dataset, self->from, self->to);
  chart_change (-1, change);
  return TRUE;
}

static void
move_chart_revert (gpointer   data,
                   McDataset *dataset,
                   McChange  *change)
{
  MoveChart *self = data;

  mc_dataset_move_chart (dataset, self->to, self->from);
  chart_change (-1, change);
}

static void
move_chart_free (gpointer data)
{
  MoveChart *self = data;

  g_free (self->id);
  g_free (self);
}

static const McEditClass move_chart_class = {
  move_chart_apply,
  move_chart_revert,
  NULL,
  move_chart_free,
};

/**
 * mc_edit_new_move_chart:
 * @id: the id of a chart
 * @to: its index once moved
 *
 * Returns: (transfer full): an edit that moves a chart among the charts
 *   of its dataset
 */
McEdit *
mc_edit_new_move_chart (const char *id,
                        guint       to)
{
  MoveChart *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (MoveChart, 1);
  self->id = g_strdup (id);
  self->to = to;
  /* Translators: an action to undo or redo, as in “Undo Move Chart” */
  return mc_edit_new (&move_chart_class, _("Move Chart"), self);
}

/* Replacing a chart's spec: applying and reverting both swap the spec of
 * the dataset with the one the edit holds. */

typedef struct
{
  McChartSpec *spec;
} SetChart;

static gboolean
set_chart_apply (gpointer    data,
                 McDataset  *dataset,
                 McChange   *change,
                 GError    **error)
{
  SetChart *self = data;
  guint index;

  if (!mc_edit_lookup_chart (dataset, self->spec->id, &index, error))
    return FALSE;

  self->spec = mc_dataset_replace_chart (dataset, index, self->spec);
  chart_change (index, change);
  return TRUE;
}

static void
set_chart_revert (gpointer   data,
                  McDataset *dataset,
                  McChange  *change)
{
  set_chart_apply (data, dataset, change, NULL);
}

static void
set_chart_free (gpointer data)
{
  SetChart *self = data;

  mc_chart_spec_free (self->spec);
  g_free (self);
}

static const McEditClass set_chart_class = {
  set_chart_apply,
  set_chart_revert,
  NULL,
  set_chart_free,
};

/**
 * mc_edit_new_set_chart:
 * @spec: the chart as it should be, with the id of the chart it replaces;
 *   copied
 * @label: the edit as the Undo and Redo menu items name it ("Chart Type
 *   Change"), translated
 *
 * For changes of several keys at once, such as a change of type, which
 * drops the options the new type does not take.
 *
 * Returns: (transfer full): an edit that replaces a chart's spec
 */
McEdit *
mc_edit_new_set_chart (const McChartSpec *spec,
                       const char        *label)
{
  SetChart *self;

  g_return_val_if_fail (spec != NULL && spec->id != NULL && label != NULL, NULL);

  self = g_new0 (SetChart, 1);
  self->spec = mc_chart_spec_copy (spec);
  return mc_edit_new (&set_chart_class, label, self);
}

/* One key of a chart: an option, or its title or subtitle, which specs
 * hold as fields (a text, or NULL for none). */

typedef struct
{
  char     *chart_id;
  char     *key;
  GVariant *value;      /* nullable: the key is removed */
  GVariant *old_value;  /* nullable */
} SetChartOption;

static GVariant *
text_variant (const char *text)
{
  return text != NULL ? g_variant_ref_sink (g_variant_new_string (text)) : NULL;
}

static GVariant *
chart_key_get (const McChartSpec *spec,
               const char        *key)
{
  GVariant *value;

  if (g_str_equal (key, "title"))
    return text_variant (spec->title);
  if (g_str_equal (key, "subtitle"))
    return text_variant (spec->subtitle);
  value = mc_chart_spec_get_option (spec, key);
  return value != NULL ? g_variant_ref (value) : NULL;
}

static void
chart_key_set (McChartSpec *spec,
               const char  *key,
               GVariant    *value)
{
  const char *text = value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
                     ? g_variant_get_string (value, NULL) : NULL;

  if (g_str_equal (key, "title"))
    mc_chart_spec_set_title (spec, text);
  else if (g_str_equal (key, "subtitle"))
    mc_chart_spec_set_subtitle (spec, text != NULL && *text != '\0' ? text : NULL);
  else
    mc_chart_spec_set_option (spec, key, value);
}

/* Specs are the dataset's: a changed copy takes the place of the old. */
static void
chart_key_replace (McDataset  *dataset,
                   guint       index,
                   const char *key,
                   GVariant   *value)
{
  McChartSpec *spec = mc_chart_spec_copy (mc_dataset_get_chart (dataset, index));

  chart_key_set (spec, key, value);
  mc_chart_spec_free (mc_dataset_replace_chart (dataset, index, spec));
}

static gboolean
set_chart_option_apply (gpointer    data,
                        McDataset  *dataset,
                        McChange   *change,
                        GError    **error)
{
  SetChartOption *self = data;
  guint index;

  if (!mc_edit_lookup_chart (dataset, self->chart_id, &index, error))
    return FALSE;

  g_clear_pointer (&self->old_value, g_variant_unref);
  self->old_value = chart_key_get (mc_dataset_get_chart (dataset, index), self->key);
  chart_key_replace (dataset, index, self->key, self->value);
  chart_change (index, change);
  return TRUE;
}

static void
set_chart_option_revert (gpointer   data,
                         McDataset *dataset,
                         McChange  *change)
{
  SetChartOption *self = data;
  int index = mc_dataset_get_chart_index (dataset, self->chart_id);

  g_return_if_fail (index >= 0);

  chart_key_replace (dataset, index, self->key, self->old_value);
  chart_change (index, change);
}

/* Typing a title is one step. */
static gboolean
set_chart_option_merge (gpointer      data,
                        gconstpointer next)
{
  SetChartOption *self = data;
  const SetChartOption *other = next;

  if (g_strcmp0 (self->chart_id, other->chart_id) != 0 || g_strcmp0 (self->key, other->key) != 0)
    return FALSE;
  g_clear_pointer (&self->value, g_variant_unref);
  self->value = other->value != NULL ? g_variant_ref (other->value) : NULL;
  return TRUE;
}

static void
set_chart_option_free (gpointer data)
{
  SetChartOption *self = data;

  g_free (self->chart_id);
  g_free (self->key);
  g_clear_pointer (&self->value, g_variant_unref);
  g_clear_pointer (&self->old_value, g_variant_unref);
  g_free (self);
}

static const McEditClass set_chart_option_class = {
  set_chart_option_apply,
  set_chart_option_revert,
  set_chart_option_merge,
  set_chart_option_free,
};

/**
 * mc_edit_new_set_chart_option:
 * @chart_id: the id of a chart
 * @key: an option of the chart ("stacked"), or "title" or "subtitle"
 * @value: (nullable): its value (a floating one is sunk); %NULL removes
 *   the option. A title or subtitle is a string.
 * @label: the edit as the Undo and Redo menu items name it ("Title
 *   Change"), translated
 *
 * Returns: (transfer full): an edit that sets one key of a chart
 */
McEdit *
mc_edit_new_set_chart_option (const char *chart_id,
                              const char *key,
                              GVariant   *value,
                              const char *label)
{
  SetChartOption *self;

  g_return_val_if_fail (chart_id != NULL && key != NULL && label != NULL, NULL);

  self = g_new0 (SetChartOption, 1);
  self->chart_id = g_strdup (chart_id);
  self->key = g_strdup (key);
  self->value = value != NULL ? g_variant_ref_sink (value) : NULL;
  return mc_edit_new (&set_chart_option_class, label, self);
}
