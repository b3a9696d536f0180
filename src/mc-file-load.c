/* mc-file-load.c: a file being opened, which a person can watch and
 * cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-file-load.h"

struct _McFileLoad
{
  GObject          parent_instance;

  GFile           *file;
  McLoadProgress  *progress;
  GCancellable    *cancellable;
  gint64           started;
};

G_DEFINE_FINAL_TYPE (McFileLoad, mc_file_load, G_TYPE_OBJECT)

enum {
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mc_file_load_finalize (GObject *object)
{
  McFileLoad *self = MC_FILE_LOAD (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, mc_load_progress_free);

  G_OBJECT_CLASS (mc_file_load_parent_class)->finalize (object);
}

static void
mc_file_load_class_init (McFileLoadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mc_file_load_finalize;

  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mc_file_load_init (McFileLoad *self)
{
  self->progress = mc_load_progress_new ();
  self->cancellable = g_cancellable_new ();
  self->started = g_get_monotonic_time ();
}

McFileLoad *
mc_file_load_new (GFile *file)
{
  McFileLoad *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MC_TYPE_FILE_LOAD, NULL);
  self->file = g_object_ref (file);
  return self;
}

GFile *
mc_file_load_get_file (McFileLoad *self)
{
  g_return_val_if_fail (MC_IS_FILE_LOAD (self), NULL);

  return self->file;
}

McLoadProgress *
mc_file_load_get_progress (McFileLoad *self)
{
  g_return_val_if_fail (MC_IS_FILE_LOAD (self), NULL);

  return self->progress;
}

GCancellable *
mc_file_load_get_cancellable (McFileLoad *self)
{
  g_return_val_if_fail (MC_IS_FILE_LOAD (self), NULL);

  return self->cancellable;
}

gint64
mc_file_load_get_elapsed (McFileLoad *self)
{
  g_return_val_if_fail (MC_IS_FILE_LOAD (self), 0);

  return g_get_monotonic_time () - self->started;
}

void
mc_file_load_cancel (McFileLoad *self)
{
  g_return_if_fail (MC_IS_FILE_LOAD (self));

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_cancellable_cancel (self->cancellable);
  g_signal_emit (self, signals[CANCELLED], 0);
}
