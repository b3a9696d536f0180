/* mc-document.c: a dataset being edited, with its file, its history and
 * whether it was saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-document.h"

struct _McDocument
{
  GObject     parent_instance;

  McDataset  *dataset;
  GFile      *file;
  GPtrArray  *undo;         /* McEdit, the last one applied at the end */
  GPtrArray  *redo;         /* McEdit, the next one to redo at the end */
  int         saved_depth;  /* undo->len when saved; -1 when out of reach */
  gboolean    read_only;
  McDocumentCheck check;
  gboolean    passed_check; /* the dataset as it is passed @check, as far
                             * as the document knows: after an edit the
                             * check let through */
};

G_DEFINE_FINAL_TYPE (McDocument, mc_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
mc_document_dispose (GObject *object)
{
  McDocument *self = MC_DOCUMENT (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (mc_document_parent_class)->dispose (object);
}

static void
mc_document_finalize (GObject *object)
{
  McDocument *self = MC_DOCUMENT (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_document_parent_class)->finalize (object);
}

static void
mc_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  McDocument *self = MC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, mc_document_get_dataset (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, mc_document_get_file (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, mc_document_get_read_only (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, mc_document_get_dirty (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, mc_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, mc_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  McDocument *self = MC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      mc_document_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
read_only_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
mc_document_class_init (McDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_document_dispose;
  object_class->finalize = mc_document_finalize;
  object_class->get_property = mc_document_get_property;
  object_class->set_property = mc_document_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, MC_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = read_only_boolean ("read-only");
  properties[PROP_DIRTY] = read_only_boolean ("dirty");
  properties[PROP_CAN_UNDO] = read_only_boolean ("can-undo");
  properties[PROP_CAN_REDO] = read_only_boolean ("can-redo");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * McDocument::changed:
   * @self: the document
   * @change: what changed in the dataset. It is only valid during the
   *   emission: keep a copy (mc_change_copy()) if needed.
   *
   * Emitted once per apply, undo, redo and replacement of the dataset,
   * after the dataset and the history changed and before the history's
   * properties are notified.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MC_TYPE_CHANGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
mc_document_init (McDocument *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_edit_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_edit_unref);
}

/**
 * mc_document_new:
 * @dataset: the dataset to edit
 *
 * Makes a clean document with no history. Its file is the one @dataset
 * was read from; a bundled dataset has none, and its document is
 * read-only.
 *
 * Returns: (transfer full): the document
 */
McDocument *
mc_document_new (McDataset *dataset)
{
  McDocument *self;

  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);

  self = g_object_new (MC_TYPE_DOCUMENT, NULL);
  self->dataset = g_object_ref (dataset);
  self->read_only = mc_dataset_get_bundled (dataset);
  if (!self->read_only)
    g_set_object (&self->file, mc_dataset_get_file (dataset));
  return self;
}

/**
 * mc_document_set_check:
 * @self: a document
 * @check: (nullable): what the dataset must keep after every edit
 *
 * From now on, an edit after which @check fails is reverted, and
 * mc_document_apply() fails with its message (%MC_EDIT_ERROR_CHECK).
 */
void
mc_document_set_check (McDocument      *self,
                       McDocumentCheck  check)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));

  self->check = check;
  self->passed_check = FALSE;
}

/**
 * mc_document_get_dataset:
 * @self: a document
 *
 * Returns: (transfer none): the dataset. Change it only through
 *   mc_document_apply(), so that the history can undo what changed.
 */
McDataset *
mc_document_get_dataset (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);

  return self->dataset;
}

/**
 * mc_document_get_file:
 * @self: a document
 *
 * Returns: (transfer none) (nullable): where the document is saved; %NULL
 *   for pasted and bundled data
 */
GFile *
mc_document_get_file (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * mc_document_set_file:
 * @self: a document
 * @file: (nullable): where the document is saved from now on
 *
 * Gives the document a file, after saving it under a new name. A document
 * with a file of its own is no longer read-only.
 */
void
mc_document_set_file (McDocument *self,
                      GFile      *file)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->file, file))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  if (file != NULL && self->read_only)
    {
      self->read_only = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

/**
 * mc_document_get_read_only:
 * @self: a document
 *
 * A read-only document (bundled data) may be edited, but it can only be
 * saved under a new name.
 *
 * Returns: whether @self is read-only
 */
gboolean
mc_document_get_read_only (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);

  return self->read_only;
}

/* History */

/* The properties that follow the history, as they were before a change,
 * so that only those that really change are notified. */
typedef struct
{
  gboolean dirty;
  gboolean can_undo;
  gboolean can_redo;
} HistoryState;

static HistoryState
mc_document_get_history_state (McDocument *self)
{
  return (HistoryState) {
    mc_document_get_dirty (self),
    mc_document_can_undo (self),
    mc_document_can_redo (self),
  };
}

static void
mc_document_notify_if (McDocument *self,
                       gboolean    before,
                       gboolean    now,
                       guint       prop_id)
{
  if (before != now)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
mc_document_emit_changed (McDocument     *self,
                          const McChange *change,
                          HistoryState    before)
{
  g_signal_emit (self, signals[CHANGED], 0, change);
  mc_document_notify_if (self, before.dirty, mc_document_get_dirty (self), PROP_DIRTY);
  mc_document_notify_if (self, before.can_undo, mc_document_can_undo (self), PROP_CAN_UNDO);
  mc_document_notify_if (self, before.can_redo, mc_document_can_redo (self), PROP_CAN_REDO);
}

static void
mc_document_clear_redo (McDocument *self)
{
  /* A saved state ahead in the history is out of reach from now on. */
  if (self->saved_depth > (int) self->undo->len)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo, 0);
}

static gboolean
mc_document_merge_last (McDocument *self,
                        McEdit     *edit)
{
  /* Merging into the step that was saved would change what undoing back
   * to it brings. */
  if (self->undo->len == 0 || self->saved_depth == (int) self->undo->len)
    return FALSE;
  return mc_edit_merge (g_ptr_array_index (self->undo, self->undo->len - 1), edit);
}

/* An edit the check refuses is reverted before anyone sees it. */
static gboolean
mc_document_check (McDocument  *self,
                   McEdit      *edit,
                   McChange    *change,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->check == NULL)
    return TRUE;
  if (self->check (self->dataset, change, self->passed_check, &local_error))
    {
      self->passed_check = TRUE;
      return TRUE;
    }
  /* The dataset is as it was, and so is what the document knows of it. */
  mc_edit_revert (edit, self->dataset, NULL);
  g_set_error_literal (error, MC_EDIT_ERROR, MC_EDIT_ERROR_CHECK, local_error->message);
  return FALSE;
}

static gboolean
mc_document_push (McDocument  *self,
                  McEdit      *edit,
                  gboolean     merge,
                  GError     **error)
{
  HistoryState before;
  McChange change;

  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (edit != NULL && !mc_edit_get_applied (edit), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = mc_document_get_history_state (self);
  if (!mc_edit_apply (edit, self->dataset, &change, error)
      || !mc_document_check (self, edit, &change, error))
    return FALSE;
  mc_document_clear_redo (self);
  if (!merge || !mc_document_merge_last (self, edit))
    g_ptr_array_add (self->undo, mc_edit_ref (edit));
  mc_document_emit_changed (self, &change, before);
  return TRUE;
}

/**
 * mc_document_apply:
 * @self: a document
 * @edit: an edit that is not applied yet; the history keeps a reference
 * @error: return location for an error in %MC_EDIT_ERROR
 *
 * Applies @edit to the dataset and makes it the last step of the history,
 * which it cannot redo any more. If @edit does not fit the dataset,
 * nothing changes.
 *
 * Returns: whether @edit was applied
 */
gboolean
mc_document_apply (McDocument  *self,
                   McEdit      *edit,
                   GError     **error)
{
  return mc_document_push (self, edit, FALSE, error);
}

/**
 * mc_document_apply_merged:
 * @self: a document
 * @edit: an edit that is not applied yet
 * @error: return location for an error in %MC_EDIT_ERROR
 *
 * Like mc_document_apply(), except that @edit joins the last step of the
 * history when their kind allows it (typing in the same cell again), so
 * that one undo reverts both. It never joins the step that was saved.
 *
 * Returns: whether @edit was applied
 */
gboolean
mc_document_apply_merged (McDocument  *self,
                          McEdit      *edit,
                          GError     **error)
{
  return mc_document_push (self, edit, TRUE, error);
}

/**
 * mc_document_undo:
 * @self: a document
 *
 * Reverts the last step of the history, which can then be redone.
 *
 * Returns: whether there was a step to undo
 */
gboolean
mc_document_undo (McDocument *self)
{
  HistoryState before;
  McChange change;
  McEdit *edit;

  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;
  before = mc_document_get_history_state (self);
  edit = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  mc_edit_revert (edit, self->dataset, &change);
  /* The step before may be the dataset as it was opened, never checked. */
  self->passed_check = FALSE;
  g_ptr_array_add (self->redo, edit);
  mc_document_emit_changed (self, &change, before);
  return TRUE;
}

/**
 * mc_document_redo:
 * @self: a document
 *
 * Applies again the last step that was undone.
 *
 * Returns: whether there was a step to redo
 */
gboolean
mc_document_redo (McDocument *self)
{
  g_autoptr(GError) error = NULL;
  HistoryState before;
  McChange change;
  McEdit *edit;

  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;
  before = mc_document_get_history_state (self);
  edit = g_ptr_array_index (self->redo, self->redo->len - 1);
  if (!mc_edit_apply (edit, self->dataset, &change, &error))
    {
      /* Only if the dataset was changed behind the history's back. */
      g_critical ("Cannot redo “%s”: %s", mc_edit_get_label (edit), error->message);
      return FALSE;
    }
  g_ptr_array_add (self->undo, g_ptr_array_steal_index (self->redo, self->redo->len - 1));
  self->passed_check = FALSE;
  mc_document_emit_changed (self, &change, before);
  return TRUE;
}

/**
 * mc_document_can_undo:
 * @self: a document
 *
 * Returns: whether there is a step to undo
 */
gboolean
mc_document_can_undo (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);

  return self->undo->len > 0;
}

/**
 * mc_document_can_redo:
 * @self: a document
 *
 * Returns: whether there is a step to redo
 */
gboolean
mc_document_can_redo (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);

  return self->redo->len > 0;
}

static const char *
last_label (GPtrArray *edits)
{
  if (edits->len == 0)
    return NULL;
  return mc_edit_get_label (g_ptr_array_index (edits, edits->len - 1));
}

/**
 * mc_document_get_undo_label:
 * @self: a document
 *
 * The label changes with every "changed" signal.
 *
 * Returns: (nullable): what undo would revert ("Edit Cell"), or %NULL
 */
const char *
mc_document_get_undo_label (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);

  return last_label (self->undo);
}

/**
 * mc_document_get_redo_label:
 * @self: a document
 *
 * Returns: (nullable): what redo would apply again ("Delete Row"), or
 *   %NULL
 */
const char *
mc_document_get_redo_label (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), NULL);

  return last_label (self->redo);
}

/**
 * mc_document_get_dirty:
 * @self: a document
 *
 * Returns: whether the dataset differs from the one last saved (or
 *   loaded): undoing or redoing back to that point makes it clean again
 */
gboolean
mc_document_get_dirty (McDocument *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT (self), FALSE);

  return self->saved_depth != (int) self->undo->len;
}

/**
 * mc_document_mark_saved:
 * @self: a document
 *
 * Notes that the dataset as it is now was saved.
 */
void
mc_document_mark_saved (McDocument *self)
{
  gboolean was_dirty;

  g_return_if_fail (MC_IS_DOCUMENT (self));

  was_dirty = mc_document_get_dirty (self);
  self->saved_depth = self->undo->len;
  mc_document_notify_if (self, was_dirty, FALSE, PROP_DIRTY);
}

static void
mc_document_take_dataset (McDocument *self,
                          McDataset  *dataset,
                          int         saved_depth)
{
  McChange change = { MC_CHANGE_ALL, 0, 0, -1, -1 };
  HistoryState before;

  before = mc_document_get_history_state (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_depth = saved_depth;
  self->passed_check = FALSE;
  if (g_set_object (&self->dataset, dataset))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  mc_document_emit_changed (self, &change, before);
}

/**
 * mc_document_replace_dataset:
 * @self: a document
 * @dataset: the dataset as read again from the file
 *
 * Replaces the whole dataset (a reload), forgets the history and counts
 * @dataset as saved. "changed" says %MC_CHANGE_ALL.
 */
void
mc_document_replace_dataset (McDocument *self,
                             McDataset  *dataset)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (MC_IS_DATASET (dataset));

  mc_document_take_dataset (self, dataset, 0);
}

/**
 * mc_document_restore_unsaved:
 * @self: a document
 * @dataset: the dataset with the edits that were not saved, such as a
 *   draft kept after a crash
 *
 * Like mc_document_replace_dataset(), except that @dataset counts as not
 * saved: the document is dirty until it is saved, and no undo brings it
 * back to the saved state, which it has no history to reach.
 */
void
mc_document_restore_unsaved (McDocument *self,
                             McDataset  *dataset)
{
  g_return_if_fail (MC_IS_DOCUMENT (self));
  g_return_if_fail (MC_IS_DATASET (dataset));

  mc_document_take_dataset (self, dataset, -1);
}

/**
 * mc_document_follow:
 * @slot: where an object keeps the document it follows
 * @document: (nullable): the document to follow; %NULL for none
 * @on_changed: called, swapped, with @instance on each #McDocument::changed
 * @instance: the object that follows
 *
 * Makes *@slot hold @document: the handlers @instance has on the
 * document it held are disconnected, and @on_changed is connected to
 * @document for as long as @instance lives.
 *
 * Returns: %FALSE when *@slot held @document already, and nothing changed
 */
gboolean
mc_document_follow (McDocument **slot,
                    McDocument  *document,
                    GCallback    on_changed,
                    gpointer     instance)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (document == NULL || MC_IS_DOCUMENT (document), FALSE);

  if (*slot == document)
    return FALSE;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, instance);
  g_set_object (slot, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", on_changed, instance, G_CONNECT_SWAPPED);
  return TRUE;
}
