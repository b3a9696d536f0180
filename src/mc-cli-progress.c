/* mc-cli-progress.c: long work on the command line, shown on a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is loaded in a thread while this one prints its progress;
 * nothing is printed when stderr is not a terminal (a script, a log), and
 * nothing for work that ends before a person would wonder.
 */
#include "config.h"

#include "mc-cli-progress.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "mc-load-progress.h"
#include "mc-text.h"

typedef struct
{
  GFile               *file;
  const McLoadOptions *options;
  McLoadProgress      *progress;
  GMutex               lock;
  GCond                done_cond;
  gboolean             done;
  McDataset           *dataset;
  GError              *error;
} Load;

static gboolean
on_terminal (void)
{
  return isatty (STDERR_FILENO);
}

/* Whether the last line on the terminal is one of ours. */
static gboolean line_shown;

/* Writes @text over the line, which it leaves without a line end. */
static void
show_line (const char *text)
{
  fprintf (stderr, "\r\033[K%s", text);
  fflush (stderr);
  line_shown = *text != '\0';
}

void
mc_cli_progress_end (void)
{
  if (line_shown)
    show_line ("");
}

static gpointer
load_thread (gpointer data)
{
  Load *load = data;
  GError *error = NULL;
  McDataset *dataset = mc_loader_load_file_full (load->file, load->options, load->progress,
                                                 NULL, &error);

  g_mutex_lock (&load->lock);
  load->dataset = dataset;
  load->error = error;
  load->done = TRUE;
  g_cond_signal (&load->done_cond);
  g_mutex_unlock (&load->lock);
  return NULL;
}

static void
show_progress (Load *load)
{
  g_autofree char *name = mc_text_file_name (load->file);
  g_autofree char *detail = mc_load_progress_describe (load->progress);
  double fraction = mc_load_progress_get_fraction (load->progress);
  g_autofree char *line = NULL;

  if (fraction >= 0)
    /* Translators: a file being read on the command line: "Reading
     * prices.csv: 45 % (77.1 MB of 171.0 MB, 4,500,000 rows)" */
    line = g_strdup_printf (_("Reading %s: %.0f %% (%s)"), name, 100 * fraction, detail);
  else
    /* Translators: a file of unknown size being read: "Reading prices.csv
     * (77.1 MB, 4,500,000 rows)" */
    line = g_strdup_printf (_("Reading %s (%s)"), name, detail);
  show_line (line);
}

/* Waits for the load, showing its progress once it is slow. */
static void
wait_showing_progress (Load *load)
{
  gint64 start = g_get_monotonic_time ();
  gboolean shown = FALSE;

  g_mutex_lock (&load->lock);
  while (!load->done)
    {
      g_cond_wait_until (&load->done_cond, &load->lock, g_get_monotonic_time () + MC_PROGRESS_UPDATE_US);
      if (load->done || g_get_monotonic_time () - start < MC_PROGRESS_DELAY_US)
        continue;
      g_mutex_unlock (&load->lock);
      show_progress (load);
      shown = TRUE;
      g_mutex_lock (&load->lock);
    }
  g_mutex_unlock (&load->lock);
  if (shown)
    mc_cli_progress_end ();
}

McDataset *
mc_cli_progress_load (GFile                *file,
                      const McLoadOptions  *options,
                      GError              **error)
{
  g_autoptr(McLoadProgress) progress = NULL;
  Load load = { file, options };
  GThread *thread;

  if (!on_terminal ())
    return mc_loader_load_file_with_options (file, options, NULL, error);

  progress = mc_load_progress_new ();
  load.progress = progress;
  g_mutex_init (&load.lock);
  g_cond_init (&load.done_cond);
  thread = g_thread_new ("mc-load", load_thread, &load);
  wait_showing_progress (&load);
  g_thread_join (thread);
  g_mutex_clear (&load.lock);
  g_cond_clear (&load.done_cond);
  if (load.error != NULL)
    g_propagate_error (error, load.error);
  return load.dataset;
}

void
mc_cli_progress_step (guint       done,
                      guint       total,
                      const char *what)
{
  g_autofree char *line = NULL;

  if (!on_terminal ())
    return;
  /* Translators: on the command line: "Exporting 3 of 7 charts: revenue" */
  line = g_strdup_printf (ngettext ("Exporting %u of %u chart: %s",
                                    "Exporting %u of %u charts: %s", total),
                          done, total, what);
  show_line (line);
}
