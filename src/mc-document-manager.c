/* mc-document-manager.c: the documents of the application and the files
 * behind them: loading, watching, reloading and the recent files
 *
 * The loads run in threads whose tasks hold no reference to the manager:
 * a manager that goes away cancels them, and their callbacks return on
 * the cancellation before they touch it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-document-manager.h"

#include <glib/gi18n.h>

#include "mc-bundled.h"
#include "mc-chart-kind.h"
#include "mc-file-load.h"
#include "mc-loader.h"
#include "mc-text.h"
#include "mc-writer.h"

/* Editors write a file in several steps: reload once they are done. */
#define RELOAD_DELAY_MS   300
#define MAX_RECENT_FILES  10

typedef struct _McWatch McWatch;

struct _McDocumentManager
{
  GObject        parent_instance;

  GListStore    *documents;
  GListStore    *loads;        /* McFileLoad: the files being opened */
  GSettings     *settings;     /* NULL: nothing is remembered */
  GCancellable  *cancellable;
  GHashTable    *watches;      /* GFile → McWatch, the opened files */
  GHashTable    *options;      /* GFile → McLoadOptions, how a file is read */
  guint          n_pasted;
};

struct _McWatch
{
  McDocumentManager *manager;  /* unowned: the manager owns its watches */
  GFile             *file;
  GFileMonitor      *monitor;
  guint              timeout_id;
  char              *state;    /* of the file as the manager saved it, or as
                                * the user chose to keep edits over */
};

G_DEFINE_FINAL_TYPE (McDocumentManager, mc_document_manager, G_TYPE_OBJECT)

enum {
  CHOOSE_SHEET,
  ERROR,
  MESSAGE,
  OPENED,
  OPEN_FAILED,
  RESTORED,
  CHANGED_ON_DISK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void watch_file (McDocumentManager *self,
                        GFile             *file);

/* The documents */

/* The document of @file, or NULL. */
static McDocument *
find_file (McDocumentManager *self,
           GFile             *file)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; file != NULL && i < n_items; i++)
    {
      McDocument *document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      GFile *document_file = mc_document_get_file (document);

      /* The list holds it. */
      g_object_unref (document);
      if (document_file != NULL && g_file_equal (document_file, file))
        return document;
    }

  return NULL;
}

/* Every edit keeps every chart drawable: one that would not is refused,
 * with the chart's message. */
static McDocument *
document_new (McDataset *dataset)
{
  McDocument *document = mc_document_new (dataset);

  mc_document_set_check (document, mc_chart_check_document);
  return document;
}

static McDocument *
insert_document (McDocumentManager *self,
                 McDataset         *dataset,
                 guint              position)
{
  McDocument *document = document_new (dataset);

  g_list_store_insert (self->documents, position, document);
  g_object_unref (document);

  return document;
}

static guint
count_bundled (McDocumentManager *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  guint n = 0;

  for (; n < n_items; n++)
    {
      g_autoptr(McDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), n);

      if (!mc_dataset_get_bundled (mc_document_get_dataset (document)))
        break;
    }

  return n;
}

/* Messages */

static void
emit_reloaded (McDocumentManager *self,
               GFile             *file)
{
  g_autofree char *name = mc_text_file_name (file);
  g_autofree char *message = g_strdup_printf (_("“%s” reloaded"), name);

  g_signal_emit (self, signals[MESSAGE], 0, message);
}

/* Recent files */

static void
set_recent_files (McDocumentManager *self,
                  GFile             *file,
                  gboolean           add)
{
  g_auto(GStrv) uris = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) result = NULL;
  g_autofree char *uri = NULL;
  guint n = 0;

  if (self->settings == NULL)
    return;

  uri = g_file_get_uri (file);
  uris = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  if (add)
    {
      g_strv_builder_add (builder, uri);
      n++;
    }

  for (guint i = 0; uris[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (uris[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, uris[i]);
      n++;
    }

  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) result);
}

/* How each recent file is read, when not as the loader would by itself:
 * a workbook's sheet, a CSV file's delimiter. */
static void
set_recent_options (McDocumentManager   *self,
                    GFile               *file,
                    const McLoadOptions *options)
{
  g_autoptr(GVariant) old = NULL;
  g_autofree char *uri = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  if (self->settings == NULL)
    return;
  uri = g_file_get_uri (file);
  old = g_settings_get_value (self->settings, "recent-file-options");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, uri))
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (!mc_load_options_is_default (options))
    {
      g_autofree char *text = mc_load_options_to_string (options);

      g_variant_builder_add (&builder, "{ss}", uri, text);
    }
  g_settings_set_value (self->settings, "recent-file-options", g_variant_builder_end (&builder));
}

static McLoadOptions *
get_recent_options (GVariant   *remembered,
                    const char *uri)
{
  const char *text = NULL;

  if (remembered == NULL || !g_variant_lookup (remembered, uri, "&s", &text))
    return NULL;
  return mc_load_options_from_string (text);
}

static const McLoadOptions *
get_options (McDocumentManager *self,
             GFile             *file)
{
  return g_hash_table_lookup (self->options, file);
}

static void
remember_recent_file (McDocumentManager *self,
                      GFile             *file)
{
  set_recent_files (self, file, TRUE);
  set_recent_options (self, file, get_options (self, file));
}

static void
forget_recent_file (McDocumentManager *self,
                    GFile             *file)
{
  set_recent_files (self, file, FALSE);
  set_recent_options (self, file, NULL);
}

/* Loading files */

/* A file to load, as its options say; a workbook whose sheet is to be
 * chosen lists its sheets. */
typedef struct
{
  McFileLoad     *load;     /* the file, its progress and cancellation */
  McLoadOptions  *options;
  char          **sheets;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->load);
  mc_load_options_free (job->options);
  g_strfreev (job->sheets);
  g_free (job);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GFile *file = mc_file_load_get_file (job->load);
  GError *error = NULL;
  McDataset *dataset;

  dataset = mc_loader_load_file_full (file, job->options, mc_file_load_get_progress (job->load),
                                      cancellable, &error);
  if (g_error_matches (error, MC_LOADER_ERROR, MC_LOADER_ERROR_CHOICE))
    job->sheets = mc_loader_list_sheets (file, cancellable, NULL);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/* Loads @load's file in a thread, cancelled by @cancellable. */
static void
load_file_async (McDocumentManager   *self,
                 McFileLoad          *load,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job = g_new0 (LoadJob, 1);

  job->load = g_object_ref (load);
  job->options = mc_load_options_copy (get_options (self, mc_file_load_get_file (load)));
  task = g_task_new (NULL, cancellable, callback, self);
  g_task_set_source_tag (task, load_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_file_thread);
}

static GFile *
task_file (GAsyncResult *result)
{
  LoadJob *job = g_task_get_task_data (G_TASK (result));

  return mc_file_load_get_file (job->load);
}

/* A load leaves the list of loads when it is cancelled, and when its
 * file is open or failed. */
static void
forget_load (McDocumentManager *self,
             McFileLoad        *load)
{
  guint position;

  if (self->loads != NULL && g_list_store_find (self->loads, load, &position))
    g_list_store_remove (self->loads, position);
}

static void
on_load_cancelled_cb (McFileLoad        *load,
                      McDocumentManager *self)
{
  forget_load (self, load);
}

/* FALSE when the manager went away meanwhile: then nothing else counts. */
static gboolean
load_file_finish (GAsyncResult  *result,
                  McDataset    **dataset,
                  GError       **error)
{
  *dataset = g_task_propagate_pointer (G_TASK (result), error);

  return !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A workbook of several sheets asks which; another failure says why,
 * and how to read the file otherwise. */
static void
report_open_failed (McDocumentManager *self,
                    LoadJob           *job,
                    const GError      *error)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  if (job->sheets != NULL && job->sheets[0] != NULL)
    {
      g_signal_emit (self, signals[CHOOSE_SHEET], 0, mc_file_load_get_file (job->load),
                     job->sheets);
      return;
    }
  name = mc_text_file_name (mc_file_load_get_file (job->load));
  /* Translators: the heading of an error message */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  g_signal_emit (self, signals[OPEN_FAILED], 0, mc_file_load_get_file (job->load), heading,
                 error->message);
}

/* A cancelled load (by the person, or by a manager that went away) ends
 * here, as if it had never started. */
static void
on_file_opened_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  GFile *file = mc_file_load_get_file (job->load);
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  McDocumentManager *self;
  McDocument *document;
  gboolean reopened;

  if (!load_file_finish (result, &dataset, &error))
    return;

  self = MC_DOCUMENT_MANAGER (user_data);
  forget_load (self, job->load);
  if (dataset == NULL)
    {
      report_open_failed (self, job, error);
      return;
    }

  document = find_file (self, file);
  reopened = document != NULL;
  /* Opened again with edits that are not saved: the edits stay. */
  if (reopened && mc_document_get_dirty (document))
    {
      g_signal_emit (self, signals[OPENED], 0, document);
      return;
    }
  document = mc_document_manager_add_dataset (self, dataset);
  watch_file (self, file);
  remember_recent_file (self, file);
  if (reopened)
    emit_reloaded (self, file);
  g_signal_emit (self, signals[OPENED], 0, document);
}

/* Watching opened files */

static void
mc_watch_free (McWatch *watch)
{
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  if (watch->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (watch->monitor, watch);
      g_file_monitor_cancel (watch->monitor);
    }
  g_clear_object (&watch->monitor);
  g_clear_object (&watch->file);
  g_free (watch->state);
  g_free (watch);
}

/* Its modification time and size: file systems keep times in steps of a
 * few milliseconds, so the time alone would not tell two quick writes
 * apart. */
static char *
query_state (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup_printf ("%s %" G_GOFFSET_FORMAT, g_file_info_get_etag (info),
                          g_file_info_get_size (info));
}

/* The file as the document has it now (saved by the manager, or kept
 * over by the user): the change that made it is not reported. */
static void
note_file_state (McDocumentManager *self,
                 GFile             *file)
{
  McWatch *watch = g_hash_table_lookup (self->watches, file);

  if (watch == NULL)
    return;
  g_free (watch->state);
  watch->state = query_state (file);
}

/* A reload that fails keeps the last good data, and says why. */
static void
on_file_reloaded_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GFile *file = task_file (result);
  g_autoptr(McDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  McDocumentManager *self;
  McDocument *document;

  if (!load_file_finish (result, &dataset, &error))
    return;

  self = MC_DOCUMENT_MANAGER (user_data);
  document = find_file (self, file);
  if (document == NULL)
    return;

  if (dataset != NULL)
    {
      mc_document_replace_dataset (document, dataset);
      emit_reloaded (self, file);
      return;
    }

  name = mc_text_file_name (file);
  heading = g_strdup_printf (_("Could Not Reload “%s”"), name);
  text = g_strdup_printf (_("%s\nThe data shown is from the last successful load."),
                          error->message);
  g_signal_emit (self, signals[ERROR], 0, heading, text);
}

/* A file written by the manager itself (a save) is as the document has
 * it; one changed by someone else replaces the document's data, unless
 * the document has edits that are not saved: then whoever shows it asks
 * (::changed-on-disk). */
static gboolean
on_reload_timeout_cb (gpointer user_data)
{
  McWatch *watch = user_data;
  McDocument *document = find_file (watch->manager, watch->file);
  g_autofree char *state = query_state (watch->file);

  watch->timeout_id = 0;
  if (state != NULL && g_strcmp0 (state, watch->state) == 0)
    return G_SOURCE_REMOVE;
  if (document != NULL && mc_document_get_dirty (document))
    g_signal_emit (watch->manager, signals[CHANGED_ON_DISK], 0, document);
  else
    {
      g_autoptr(McFileLoad) load = mc_file_load_new (watch->file);

      load_file_async (watch->manager, load, watch->manager->cancellable, on_file_reloaded_cb);
    }

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       McWatch           *watch)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      break;

    /* A deleted file keeps its data until it comes back. */
    default:
      return;
    }

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, watch);
}

static void
watch_file (McDocumentManager *self,
            GFile             *file)
{
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  McWatch *watch;

  if (g_hash_table_contains (self->watches, file))
    return;

  monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Changes to %s will not be noticed: %s", g_file_peek_path (file), error->message);
      return;
    }

  watch = g_new0 (McWatch, 1);
  watch->manager = self;
  watch->file = g_object_ref (file);
  watch->monitor = g_steal_pointer (&monitor);
  g_signal_connect (watch->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), watch);
  g_hash_table_insert (self->watches, watch->file, watch);
}

/* Restoring the recent files */

typedef struct
{
  GStrv      uris;
  GVariant  *options;    /* a{ss}: how some of them are read */
  GPtrArray *datasets;
  GPtrArray *missing;
  GPtrArray *errors;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_strfreev (job->uris);
  g_clear_pointer (&job->options, g_variant_unref);
  g_ptr_array_unref (job->datasets);
  g_ptr_array_unref (job->missing);
  g_ptr_array_unref (job->errors);
  g_free (job);
}

/* Oldest first, so that the list keeps the order they were opened in. */
static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;

  for (guint i = g_strv_length (job->uris); i > 0; i--)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (job->uris[i - 1]);
      g_autoptr(McLoadOptions) options = get_recent_options (job->options, job->uris[i - 1]);
      GError *error = NULL;
      McDataset *dataset;

      if (!g_file_query_exists (file, cancellable))
        {
          g_ptr_array_add (job->missing, g_strdup (job->uris[i - 1]));
          continue;
        }

      dataset = mc_loader_load_file_with_options (file, options, cancellable, &error);
      if (dataset != NULL)
        g_ptr_array_add (job->datasets, dataset);
      else
        g_ptr_array_add (job->errors, error);
    }

  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
}

/* After the bundled datasets; a file opened meanwhile stays as it is. */
static void
add_restored (McDocumentManager *self,
              RestoreJob        *job)
{
  guint position = count_bundled (self);

  for (guint i = 0; i < job->datasets->len; i++)
    {
      McDataset *dataset = g_ptr_array_index (job->datasets, i);
      GFile *file = mc_dataset_get_file (dataset);

      g_autofree char *uri = g_file_get_uri (file);
      McLoadOptions *options = get_recent_options (job->options, uri);

      if (find_file (self, file) != NULL)
        {
          mc_load_options_free (options);
          continue;
        }
      if (options != NULL)
        g_hash_table_replace (self->options, g_object_ref (file), options);
      insert_document (self, dataset, position++);
      watch_file (self, file);
    }

  for (guint i = 0; i < job->missing->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (g_ptr_array_index (job->missing, i));

      forget_recent_file (self, file);
    }

  for (guint i = 0; i < job->errors->len; i++)
    {
      const GError *error = g_ptr_array_index (job->errors, i);

      g_signal_emit (self, signals[ERROR], 0, _("Could Not Reopen a Recent File"),
                     error->message);
    }
}

static void
on_restored_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  McDocumentManager *self;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  self = MC_DOCUMENT_MANAGER (user_data);
  add_restored (self, job);
  g_signal_emit (self, signals[RESTORED], 0);
}

/* Class */

static void
mc_document_manager_dispose (GObject *object)
{
  McDocumentManager *self = MC_DOCUMENT_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  /* Each load, once: one cancelled by other means than its cancel()
   * would never leave the list. */
  for (guint i = self->loads != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->loads)) : 0;
       i > 0; i--)
    {
      g_autoptr(McFileLoad) load = g_list_model_get_item (G_LIST_MODEL (self->loads), i - 1);

      mc_file_load_cancel (load);
    }
  if (self->loads != NULL)
    g_list_store_remove_all (self->loads);
  g_clear_object (&self->loads);
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_pointer (&self->options, g_hash_table_unref);
  g_clear_object (&self->documents);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mc_document_manager_parent_class)->dispose (object);
}

/* Whoever does not offer another way to read the file reports it as
 * any other error. */
static void
mc_document_manager_open_failed (McDocumentManager *self,
                                 GFile             *file,
                                 const char        *heading,
                                 const char        *message)
{
  g_signal_emit (self, signals[ERROR], 0, heading, message);
}

static void
mc_document_manager_class_init (McDocumentManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mc_document_manager_dispose;

  /* A workbook given to open_file() has several sheets: which one? Open
   * it again with its sheet in the options. */
  signals[CHOOSE_SHEET] =
    g_signal_new ("choose-sheet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRV);
  /* A file given to open_file() could not be read; unless a handler
   * stops it, the class handler reports it with ::error. */
  signals[OPEN_FAILED] =
    g_signal_new_class_handler ("open-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (mc_document_manager_open_failed), NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_FILE, G_TYPE_STRING, G_TYPE_STRING);

  /* Something failed: a heading ("Could Not Open “sales.csv”") and the
   * loader's message, which names the file and the line:column. */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* Something worth a word: "“sales.csv” reloaded". */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A file given to mc_document_manager_open_file() is in its document. */
  signals[OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MC_TYPE_DOCUMENT);
  /* A file with edits that are not saved changed on disk: keep the
   * edits, or reload it (mc_document_manager_reload()). */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MC_TYPE_DOCUMENT);
  /* The recent files are back, those that could be. */
  signals[RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mc_document_manager_init (McDocumentManager *self)
{
  self->documents = g_list_store_new (MC_TYPE_DOCUMENT);
  self->loads = g_list_store_new (MC_TYPE_FILE_LOAD);
  self->cancellable = g_cancellable_new ();
  self->watches = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                         NULL, (GDestroyNotify) mc_watch_free);
  self->options = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                         g_object_unref, (GDestroyNotify) mc_load_options_free);
}

McDocumentManager *
mc_document_manager_new (GSettings *settings)
{
  McDocumentManager *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MC_TYPE_DOCUMENT_MANAGER, NULL);
  g_set_object (&self->settings, settings);

  return self;
}

GListModel *
mc_document_manager_get_documents (McDocumentManager *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);

  return G_LIST_MODEL (self->documents);
}

GListModel *
mc_document_manager_get_loads (McDocumentManager *self)
{
  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);

  return G_LIST_MODEL (self->loads);
}

gboolean
mc_document_manager_find_document (McDocumentManager *self,
                                   McDocument        *document,
                                   guint             *position)
{
  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), FALSE);
  g_return_val_if_fail (MC_IS_DOCUMENT (document), FALSE);

  return g_list_store_find (self->documents, document, position);
}

gboolean
mc_document_manager_add_bundled (McDocumentManager  *self,
                                 GError            **error)
{
  g_autoptr(GPtrArray) bundled = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bundled = mc_bundled_load_all (error);
  if (bundled == NULL)
    return FALSE;

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bundled->len; i++)
    g_ptr_array_add (documents, document_new (g_ptr_array_index (bundled, i)));
  g_list_store_splice (self->documents, 0, 0, documents->pdata, documents->len);

  return TRUE;
}

McDocument *
mc_document_manager_add_dataset (McDocumentManager *self,
                                 McDataset         *dataset)
{
  McDocument *document = NULL;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);
  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);

  if (!mc_dataset_get_bundled (dataset))
    document = find_file (self, mc_dataset_get_file (dataset));
  if (document == NULL)
    return insert_document (self, dataset,
                            g_list_model_get_n_items (G_LIST_MODEL (self->documents)));

  mc_document_replace_dataset (document, dataset);

  return document;
}

McDocument *
mc_document_manager_add_pasted (McDocumentManager *self,
                                McDataset         *table)
{
  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);
  g_return_val_if_fail (MC_IS_DATASET (table), NULL);

  self->n_pasted++;
  if (self->n_pasted > 1)
    {
      /* Translators: the title of the second, third, ... pasted table */
      g_autofree char *title = g_strdup_printf (_("Pasted table %u"), self->n_pasted);

      mc_dataset_set_title (table, title);
    }
  if (mc_dataset_get_description (table) == NULL)
    mc_dataset_set_description (table, _("Pasted from the clipboard"));

  return mc_document_manager_add_dataset (self, table);
}

McFileLoad *
mc_document_manager_open_file (McDocumentManager *self,
                               GFile             *file)
{
  g_autoptr(McFileLoad) load = NULL;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  load = mc_file_load_new (file);
  g_signal_connect_object (load, "cancelled", G_CALLBACK (on_load_cancelled_cb), self, 0);
  g_list_store_append (self->loads, load);
  load_file_async (self, load, mc_file_load_get_cancellable (load), on_file_opened_cb);
  return load;
}

McFileLoad *
mc_document_manager_open_file_with_options (McDocumentManager   *self,
                                            GFile               *file,
                                            const McLoadOptions *options)
{
  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (mc_load_options_is_default (options))
    g_hash_table_remove (self->options, file);
  else
    g_hash_table_replace (self->options, g_object_ref (file), mc_load_options_copy (options));
  return mc_document_manager_open_file (self, file);
}

const McLoadOptions *
mc_document_manager_get_load_options (McDocumentManager *self,
                                      GFile             *file)
{
  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return get_options (self, file);
}

void
mc_document_manager_restore_recent_files (McDocumentManager *self)
{
  g_autoptr(GTask) task = NULL;
  RestoreJob *job;

  g_return_if_fail (MC_IS_DOCUMENT_MANAGER (self));

  job = g_new0 (RestoreJob, 1);
  if (self->settings != NULL)
    {
      job->uris = g_settings_get_strv (self->settings, "recent-files");
      job->options = g_settings_get_value (self->settings, "recent-file-options");
    }
  else
    job->uris = g_new0 (char *, 1);
  job->datasets = g_ptr_array_new_with_free_func (g_object_unref);
  job->missing = g_ptr_array_new_with_free_func (g_free);
  job->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  task = g_task_new (NULL, self->cancellable, on_restored_cb, self);
  g_task_set_source_tag (task, mc_document_manager_restore_recent_files);
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);
  if (job->uris[0] == NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_run_in_thread (task, restore_thread);
}

gboolean
mc_document_manager_close (McDocumentManager *self,
                           McDocument        *document)
{
  GFile *file;
  guint position;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), FALSE);
  g_return_val_if_fail (MC_IS_DOCUMENT (document), FALSE);

  if (mc_dataset_get_bundled (mc_document_get_dataset (document)) ||
      !g_list_store_find (self->documents, document, &position))
    return FALSE;

  file = mc_document_get_file (document);
  if (file != NULL)
    {
      g_hash_table_remove (self->watches, file);
      forget_recent_file (self, file);
      g_hash_table_remove (self->options, file);
    }
  g_list_store_remove (self->documents, position);

  return TRUE;
}

/**
 * mc_document_manager_reload:
 * @self: a document manager
 * @document: a document of a file
 *
 * Loads the document's file again in a thread and replaces its data,
 * edits that were not saved included; a file that cannot be read is
 * reported with ::error, and the document keeps its data.
 */
void
mc_document_manager_reload (McDocumentManager *self,
                            McDocument        *document)
{
  GFile *file;

  g_return_if_fail (MC_IS_DOCUMENT_MANAGER (self));
  g_return_if_fail (MC_IS_DOCUMENT (document));

  file = mc_document_get_file (document);
  if (file != NULL)
    {
      g_autoptr(McFileLoad) load = mc_file_load_new (file);

      load_file_async (self, load, self->cancellable, on_file_reloaded_cb);
    }
}

/**
 * mc_document_manager_keep_edits:
 * @self: a document manager
 * @document: a document whose file changed on disk
 *
 * Keeps the document's edits over the file as it is now: only a later
 * change of the file is reported again.
 */
void
mc_document_manager_keep_edits (McDocumentManager *self,
                                McDocument        *document)
{
  g_return_if_fail (MC_IS_DOCUMENT_MANAGER (self));
  g_return_if_fail (MC_IS_DOCUMENT (document));

  if (mc_document_get_file (document) != NULL)
    note_file_state (self, mc_document_get_file (document));
}

/**
 * mc_document_manager_can_save:
 * @self: a document manager
 * @document: a document
 *
 * Returns: whether @document can be saved to its own file: one it read
 *   as a dataset file. Bundled datasets, pasted tables and other formats
 *   (a CSV file) are saved under a new name.
 */
gboolean
mc_document_manager_can_save (McDocumentManager *self,
                              McDocument        *document)
{
  McDataset *dataset;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), FALSE);
  g_return_val_if_fail (MC_IS_DOCUMENT (document), FALSE);

  dataset = mc_document_get_dataset (document);
  return mc_document_get_file (document) != NULL && !mc_document_get_read_only (document)
         && g_strcmp0 (mc_dataset_get_reader (dataset), "dataset") == 0;
}

/* The document's dataset is now that of @file, in the dataset format. */
static void
take_saved_file (McDocumentManager *self,
                 McDocument        *document,
                 GFile             *file,
                 const char        *rows_file)
{
  McDataset *dataset = mc_document_get_dataset (document);
  GFile *old = mc_document_get_file (document);

  if (old != NULL && !g_file_equal (old, file))
    {
      g_hash_table_remove (self->watches, old);
      forget_recent_file (self, old);
    }
  mc_dataset_set_file (dataset, file);
  mc_dataset_set_bundled (dataset, FALSE);
  mc_dataset_set_reader (dataset, "dataset");
  mc_dataset_set_rows_file (dataset, rows_file);
  mc_document_set_file (document, file);
  watch_file (self, file);
  note_file_state (self, file);
  remember_recent_file (self, file);
  mc_document_mark_saved (document);
}

/**
 * mc_document_manager_save:
 * @self: a document manager
 * @document: a document
 * @file: (nullable): where to save it, in the dataset format; %NULL for
 *   its own file (see mc_document_manager_can_save())
 * @error: return location for an error in %MC_WRITER_ERROR, naming the
 *   file
 *
 * Writes the dataset atomically (its rows in the CSV file they came from,
 * or one of their own when they are many), and counts it as saved. Saved
 * under a new name, the document is that file's from now on: watched and
 * among the recent files. On failure the file is as it was, and so is
 * the document.
 *
 * Returns: whether it was saved
 */
gboolean
mc_document_manager_save (McDocumentManager  *self,
                          McDocument         *document,
                          GFile              *file,
                          GError            **error)
{
  McDataset *dataset;
  g_autofree char *rows_file = NULL;
  McWriterOptions options;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), FALSE);
  g_return_val_if_fail (MC_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (file != NULL || mc_document_manager_can_save (self, document), FALSE);

  dataset = mc_document_get_dataset (document);
  if (file == NULL)
    file = mc_document_get_file (document);
  rows_file = mc_writer_choose_rows_file (dataset, file);
  mc_writer_options_init (&options);
  options.csv_name = rows_file;
  if (!mc_writer_write_file (dataset, file, &options, error))
    return FALSE;
  take_saved_file (self, document, file, rows_file);
  return TRUE;
}

/**
 * mc_document_manager_find_file:
 * @self: a document manager
 * @file: a file
 *
 * Returns: (transfer none) (nullable): the document of @file
 */
McDocument *
mc_document_manager_find_file (McDocumentManager *self,
                               GFile             *file)
{
  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return find_file (self, file);
}

/**
 * mc_document_manager_find_bundled:
 * @self: a document manager
 * @id: the id of a bundled dataset
 *
 * Returns: (transfer none) (nullable): its document
 */
McDocument *
mc_document_manager_find_bundled (McDocumentManager *self,
                                  const char        *id)
{
  guint n_bundled;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);

  n_bundled = count_bundled (self);
  for (guint i = 0; i < n_bundled; i++)
    {
      g_autoptr(McDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (g_strcmp0 (mc_dataset_get_id (mc_document_get_dataset (document)), id) == 0)
        return document;
    }
  return NULL;
}

/**
 * mc_document_manager_add_restored:
 * @self: a document manager
 * @dataset: a dataset restored from a draft, whose file (if any) is not
 *   open
 *
 * Adds a document for @dataset, watching its file and remembering it
 * among the recent files as if it were opened.
 *
 * Returns: (transfer none): the document
 */
McDocument *
mc_document_manager_add_restored (McDocumentManager *self,
                                  McDataset         *dataset)
{
  McDocument *document;
  GFile *file;

  g_return_val_if_fail (MC_IS_DOCUMENT_MANAGER (self), NULL);
  g_return_val_if_fail (MC_IS_DATASET (dataset), NULL);

  document = mc_document_manager_add_dataset (self, dataset);
  file = mc_document_get_file (document);
  if (file != NULL)
    {
      watch_file (self, file);
      remember_recent_file (self, file);
    }
  return document;
}
