/* mc-draft-keeper.c: drafts of the documents with unsaved edits, written
 * a moment after the last edit, and offered back after a crash
 *
 * A draft is written from a copy of the dataset (columns shared, copy on
 * write) in a thread, one at a time per document, so that typing is not
 * held up by the disk and an older draft never lands after a newer one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-draft-keeper.h"


typedef struct
{
  McDraftKeeper *keeper;      /* unowned: the keeper owns what it keeps */
  McDocument    *document;
  char          *key;
  guint          timeout_id;
  gboolean       writing;     /* a write is under way */
  gboolean       again;       /* edits came while it was */
  gboolean       written;     /* a draft is on disk */
  gboolean       discarded;   /* the user discarded the edits */
} Kept;

struct _McDraftKeeper
{
  GObject             parent_instance;

  McDocumentManager  *manager;
  GFile              *folder;
  GPtrArray          *found;   /* McDraft */
  GPtrArray          *kept;    /* Kept */
};

G_DEFINE_FINAL_TYPE (McDraftKeeper, mc_draft_keeper, G_TYPE_OBJECT)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void kept_schedule (Kept *kept);

/* Writing in a thread */

typedef struct
{
  GFile      *folder;
  char       *key;
  McDataset  *dataset;    /* a copy */
  GFile      *origin;
  McDocument *document;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->folder);
  g_free (job->key);
  g_object_unref (job->dataset);
  g_clear_object (&job->origin);
  g_object_unref (job->document);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (mc_drafts_save (job->folder, job->key, job->dataset, job->origin, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static Kept *
find_kept (McDraftKeeper *self,
           McDocument    *document)
{
  for (guint i = 0; i < self->kept->len; i++)
    {
      Kept *kept = g_ptr_array_index (self->kept, i);

      if (kept->document == document)
        return kept;
    }
  return NULL;
}

static void
report (McDraftKeeper *self,
        const GError  *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
remove_draft (McDraftKeeper *self,
              const char    *key)
{
  g_autoptr(GError) error = NULL;

  if (!mc_drafts_remove (self->folder, key, &error))
    report (self, error);
}

/* A document closed meanwhile, or saved, needs no draft. */
static void
on_written_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  McDraftKeeper *self = MC_DRAFT_KEEPER (source_object);
  Job *job = g_task_get_task_data (G_TASK (result));
  Kept *kept = find_kept (self, job->document);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    report (self, error);
  if (kept != NULL)
    kept->writing = FALSE;
  if (kept == NULL || kept->discarded || !mc_document_get_dirty (kept->document))
    {
      remove_draft (self, job->key);
      if (kept != NULL)
        kept->written = FALSE;
      return;
    }
  kept->written = error == NULL;
  if (kept->again)
    kept_schedule (kept);
}

static void
kept_write (Kept *kept)
{
  McDataset *dataset = mc_document_get_dataset (kept->document);
  g_autoptr(GTask) task = NULL;
  Job *job;

  kept->writing = TRUE;
  kept->again = FALSE;
  job = g_new0 (Job, 1);
  job->folder = g_object_ref (kept->keeper->folder);
  job->key = g_strdup (kept->key);
  job->dataset = mc_dataset_copy (dataset);
  job->origin = mc_document_get_file (kept->document)
                ? g_object_ref (mc_document_get_file (kept->document)) : NULL;
  job->document = g_object_ref (kept->document);
  task = g_task_new (kept->keeper, NULL, on_written_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
on_draft_timeout_cb (gpointer user_data)
{
  Kept *kept = user_data;

  kept->timeout_id = 0;
  if (kept->writing)
    kept->again = TRUE;
  else if (mc_document_get_dirty (kept->document))
    kept_write (kept);
  return G_SOURCE_REMOVE;
}

static void
kept_schedule (Kept *kept)
{
  g_clear_handle_id (&kept->timeout_id, g_source_remove);
  kept->timeout_id = g_timeout_add (MC_DRAFT_DELAY_MS, on_draft_timeout_cb, kept);
}

/* Following the documents */

static void
kept_forget_draft (Kept *kept)
{
  g_clear_handle_id (&kept->timeout_id, g_source_remove);
  kept->again = FALSE;
  if (kept->written && !kept->writing)
    remove_draft (kept->keeper, kept->key);
  kept->written = FALSE;
}

static void
on_document_changed_cb (McDocument     *document,
                        const McChange *change,
                        Kept           *kept)
{
  kept->discarded = FALSE;
  if (mc_document_get_dirty (document))
    kept_schedule (kept);
  else
    kept_forget_draft (kept);
}

static void
on_document_dirty_cb (McDocument *document,
                      GParamSpec *pspec,
                      Kept       *kept)
{
  if (!mc_document_get_dirty (document))
    kept_forget_draft (kept);
}

static void
kept_free (Kept *kept)
{
  g_clear_handle_id (&kept->timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (kept->document, kept);
  g_object_unref (kept->document);
  g_free (kept->key);
  g_free (kept);
}

static void
keep (McDraftKeeper *self,
      McDocument    *document)
{
  Kept *kept = g_new0 (Kept, 1);

  kept->keeper = self;
  kept->document = g_object_ref (document);
  kept->key = mc_drafts_make_key (mc_document_get_dataset (document),
                                  mc_document_get_file (document));
  g_signal_connect (document, "changed", G_CALLBACK (on_document_changed_cb), kept);
  g_signal_connect (document, "notify::dirty", G_CALLBACK (on_document_dirty_cb), kept);
  g_ptr_array_add (self->kept, kept);
}

static gboolean
list_has (GListModel *documents,
          McDocument *document)
{
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(McDocument) item = g_list_model_get_item (documents, i);

      if (item == document)
        return TRUE;
    }
  return FALSE;
}

/* Closed documents lose their drafts; new ones are followed. */
static void
on_documents_changed_cb (GListModel    *documents,
                         guint          position,
                         guint          removed,
                         guint          added,
                         McDraftKeeper *self)
{
  for (guint i = self->kept->len; i > 0; i--)
    {
      Kept *kept = g_ptr_array_index (self->kept, i - 1);

      if (list_has (documents, kept->document))
        continue;
      kept_forget_draft (kept);
      g_ptr_array_remove_index (self->kept, i - 1);
    }
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(McDocument) document = g_list_model_get_item (documents, i);

      if (find_kept (self, document) == NULL)
        keep (self, document);
    }
}

/* The keeper */

static void
mc_draft_keeper_dispose (GObject *object)
{
  McDraftKeeper *self = MC_DRAFT_KEEPER (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (mc_document_manager_get_documents (self->manager),
                                          self);
  g_clear_pointer (&self->kept, g_ptr_array_unref);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_object (&self->manager);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (mc_draft_keeper_parent_class)->dispose (object);
}

static void
mc_draft_keeper_class_init (McDraftKeeperClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_draft_keeper_dispose;

  /* A draft could not be written or removed: the message says why. */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
mc_draft_keeper_init (McDraftKeeper *self)
{
  self->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) kept_free);
}

McDraftKeeper *
mc_draft_keeper_new (McDocumentManager *manager,
                     GFile             *folder)
{
  McDraftKeeper *self;
  GListModel *documents;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (manager), NULL);

  self = g_object_new (MC_TYPE_DRAFT_KEEPER, NULL);
  self->manager = g_object_ref (manager);
  self->folder = mc_drafts_get_folder (folder);
  self->found = mc_drafts_list (self->folder);
  documents = mc_document_manager_get_documents (manager);
  g_signal_connect_object (documents, "items-changed", G_CALLBACK (on_documents_changed_cb),
                           self, 0);
  on_documents_changed_cb (documents, 0, 0, g_list_model_get_n_items (documents), self);
  return self;
}

GPtrArray *
mc_draft_keeper_get_found (McDraftKeeper *self)
{
  g_return_val_if_fail (MC_IS_DRAFT_KEEPER (self), NULL);

  return self->found;
}

/* The document a draft belongs to, opened or made for it. */
static McDocument *
document_for_draft (McDraftKeeper *self,
                    const McDraft *draft,
                    McDataset     *dataset)
{
  McDocument *document = NULL;

  if (draft->bundled != NULL)
    document = mc_document_manager_find_bundled (self->manager, draft->bundled);
  else if (draft->origin != NULL)
    document = mc_document_manager_find_file (self->manager, draft->origin);
  if (document == NULL)
    document = mc_document_manager_add_restored (self->manager, dataset);
  return document;
}

McDocument *
mc_draft_keeper_restore (McDraftKeeper  *self,
                         const McDraft  *draft,
                         GError        **error)
{
  g_autoptr(McDataset) dataset = NULL;
  McDocument *document;
  Kept *kept;

  g_return_val_if_fail (MC_IS_DRAFT_KEEPER (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  dataset = mc_drafts_load (self->folder, draft, error);
  if (dataset == NULL)
    return NULL;
  document = document_for_draft (self, draft, dataset);
  kept = find_kept (self, document);
  /* Later drafts of the document replace this one. */
  g_free (kept->key);
  kept->key = g_strdup (draft->key);
  kept->written = TRUE;
  mc_document_restore_unsaved (document, dataset);
  return document;
}

void
mc_draft_keeper_discard_found (McDraftKeeper *self)
{
  g_return_if_fail (MC_IS_DRAFT_KEEPER (self));

  for (guint i = 0; i < self->found->len; i++)
    {
      McDraft *draft = g_ptr_array_index (self->found, i);
      gboolean in_use = FALSE;

      /* A restored draft is its document's now. */
      for (guint k = 0; k < self->kept->len; k++)
        in_use |= g_str_equal (((Kept *) g_ptr_array_index (self->kept, k))->key, draft->key);
      if (!in_use)
        remove_draft (self, draft->key);
    }
  g_ptr_array_set_size (self->found, 0);
}

void
mc_draft_keeper_discard (McDraftKeeper *self,
                         McDocument    *document)
{
  Kept *kept;

  g_return_if_fail (MC_IS_DRAFT_KEEPER (self));
  g_return_if_fail (MC_IS_DOCUMENT (document));

  kept = find_kept (self, document);
  if (kept == NULL)
    return;
  g_clear_handle_id (&kept->timeout_id, g_source_remove);
  kept->again = FALSE;
  kept->discarded = TRUE;
  remove_draft (self, kept->key);
  kept->written = FALSE;
}

gboolean
mc_draft_keeper_has_draft (McDraftKeeper *self,
                           McDocument    *document)
{
  Kept *kept;

  g_return_val_if_fail (MC_IS_DRAFT_KEEPER (self), FALSE);

  kept = find_kept (self, document);
  return kept != NULL && kept->written;
}
