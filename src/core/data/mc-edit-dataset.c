/* mc-edit-dataset.c: edits of a dataset's texts, and groups of edits
 * that are one step of the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-edit.h"
#include "mc-edit-private.h"

#include <glib/gi18n.h>

/* The dataset's texts */

typedef struct
{
  McDatasetText  field;
  char          *value;
  char          *old_value;
} SetText;

static const char *
dataset_text_get (McDataset     *dataset,
                  McDatasetText  field)
{
  switch (field)
    {
    case MC_DATASET_TEXT_TITLE:
      return mc_dataset_get_title (dataset);
    case MC_DATASET_TEXT_DESCRIPTION:
      return mc_dataset_get_description (dataset);
    case MC_DATASET_TEXT_SOURCE_NAME:
      return mc_dataset_get_source_name (dataset);
    case MC_DATASET_TEXT_SOURCE_URL:
      return mc_dataset_get_source_url (dataset);
    case MC_DATASET_TEXT_SOURCE_DATE:
    default:
      return mc_dataset_get_source_date (dataset);
    }
}

static void
dataset_text_set (McDataset     *dataset,
                  McDatasetText  field,
                  const char    *value)
{
  const char *name = mc_dataset_get_source_name (dataset);
  const char *url = mc_dataset_get_source_url (dataset);
  const char *date = mc_dataset_get_source_date (dataset);
  g_autofree char *text = value != NULL && *value != '\0' ? g_strdup (value) : NULL;

  switch (field)
    {
    case MC_DATASET_TEXT_TITLE:
      mc_dataset_set_title (dataset, text);
      return;
    case MC_DATASET_TEXT_DESCRIPTION:
      mc_dataset_set_description (dataset, text);
      return;
    case MC_DATASET_TEXT_SOURCE_NAME:
      name = text;
      break;
    case MC_DATASET_TEXT_SOURCE_URL:
      url = text;
      break;
    case MC_DATASET_TEXT_SOURCE_DATE:
    default:
      date = text;
      break;
    }
  {
    /* The source's texts are set together: keep copies of the others. */
    g_autofree char *kept_name = g_strdup (name);
    g_autofree char *kept_url = g_strdup (url);
    g_autofree char *kept_date = g_strdup (date);

    mc_dataset_set_source (dataset, kept_name, kept_url, kept_date);
  }
}

static void
metadata_change (McChange *change)
{
  *change = (McChange) { MC_CHANGE_METADATA, 0, 0, -1, -1 };
}

static gboolean
set_text_apply (gpointer    data,
                McDataset  *dataset,
                McChange   *change,
                GError    **error)
{
  SetText *self = data;

  if (self->field == MC_DATASET_TEXT_TITLE && (self->value == NULL || *self->value == '\0'))
    {
      g_set_error_literal (error, MC_EDIT_ERROR, MC_EDIT_ERROR_VALUE,
                           _("A dataset needs a title"));
      return FALSE;
    }

  g_free (self->old_value);
  self->old_value = g_strdup (dataset_text_get (dataset, self->field));
  dataset_text_set (dataset, self->field, self->value);
  metadata_change (change);
  return TRUE;
}

static void
set_text_revert (gpointer   data,
                 McDataset *dataset,
                 McChange  *change)
{
  SetText *self = data;

  dataset_text_set (dataset, self->field, self->old_value);
  metadata_change (change);
}

/* Typing a text is one step. */
static gboolean
set_text_merge (gpointer      data,
                gconstpointer next)
{
  SetText *self = data;
  const SetText *other = next;

  if (self->field != other->field)
    return FALSE;
  g_free (self->value);
  self->value = g_strdup (other->value);
  return TRUE;
}

static void
set_text_free (gpointer data)
{
  SetText *self = data;

  g_free (self->value);
  g_free (self->old_value);
  g_free (self);
}

static const McEditClass set_text_class = {
  set_text_apply,
  set_text_revert,
  set_text_merge,
  set_text_free,
};

static const char *
dataset_text_label (McDatasetText field)
{
  switch (field)
    {
    case MC_DATASET_TEXT_TITLE:
      /* Translators: actions to undo or redo, as in “Undo Dataset Title Change” */
      return _("Dataset Title Change");
    case MC_DATASET_TEXT_DESCRIPTION:
      return _("Description Change");
    case MC_DATASET_TEXT_SOURCE_NAME:
    case MC_DATASET_TEXT_SOURCE_URL:
    case MC_DATASET_TEXT_SOURCE_DATE:
    default:
      return _("Source Change");
    }
}

/**
 * mc_edit_new_set_dataset_text:
 * @field: which text
 * @value: (nullable): the new text; %NULL or "" removes it (a title
 *   cannot be removed)
 *
 * Returns: (transfer full): an edit of the dataset's title, description
 *   or source
 */
McEdit *
mc_edit_new_set_dataset_text (McDatasetText  field,
                              const char    *value)
{
  SetText *self = g_new0 (SetText, 1);

  self->field = field;
  self->value = g_strdup (value);
  return mc_edit_new (&set_text_class, dataset_text_label (field), self);
}

/* Groups: edits applied in order and reverted in the reverse order, as
 * one step (a block of pasted cells). */

typedef struct
{
  GPtrArray *edits;   /* McEdit */
} Group;

static void
group_revert_first (Group     *self,
                    guint      n,
                    McDataset *dataset)
{
  for (guint i = n; i > 0; i--)
    mc_edit_revert (g_ptr_array_index (self->edits, i - 1), dataset, NULL);
}

static gboolean
group_apply (gpointer    data,
             McDataset  *dataset,
             McChange   *change,
             GError    **error)
{
  Group *self = data;

  for (guint i = 0; i < self->edits->len; i++)
    {
      McChange one;

      if (!mc_edit_apply (g_ptr_array_index (self->edits, i), dataset, &one, error))
        {
          group_revert_first (self, i, dataset);
          return FALSE;
        }
      if (i == 0)
        *change = one;
      else
        mc_change_union (change, &one);
    }
  return TRUE;
}

static void
group_revert (gpointer   data,
              McDataset *dataset,
              McChange  *change)
{
  Group *self = data;

  for (guint i = self->edits->len; i > 0; i--)
    {
      McChange one;

      mc_edit_revert (g_ptr_array_index (self->edits, i - 1), dataset, &one);
      if (i == self->edits->len)
        *change = one;
      else
        mc_change_union (change, &one);
    }
}

static void
group_free (gpointer data)
{
  Group *self = data;

  g_ptr_array_unref (self->edits);
  g_free (self);
}

static const McEditClass group_class = {
  group_apply,
  group_revert,
  NULL,
  group_free,
};

/**
 * mc_edit_new_group:
 * @edits: (element-type McEdit): edits not applied yet, at least one; the
 *   group keeps a reference to the array
 * @label: the group as the Undo and Redo menu items name it ("Paste
 *   Cells"), translated
 *
 * Returns: (transfer full): an edit that applies @edits in order, or
 *   none of them if one does not fit
 */
McEdit *
mc_edit_new_group (GPtrArray  *edits,
                   const char *label)
{
  Group *self;

  g_return_val_if_fail (edits != NULL && edits->len > 0 && label != NULL, NULL);

  self = g_new0 (Group, 1);
  self->edits = g_ptr_array_ref (edits);
  return mc_edit_new (&group_class, label, self);
}
