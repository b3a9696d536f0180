/* mc-parallel.c: work split in parts that run at once, one per processor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the few loops of a render that go over every point or every pixel
 * column once, long enough (milliseconds) for threads to pay, and whose
 * parts are independent: the line rasteriser's columns, the density
 * squares' counts of a scatter.
 */
#include "config.h"

#include "mc-parallel.h"

typedef struct
{
  McPartFunc  func;
  gpointer    user_data;
  guint       part;
  guint       n_parts;
} Part;

static gpointer
run_part (gpointer data)
{
  Part *part = data;

  part->func (part->part, part->n_parts, part->user_data);
  return NULL;
}

guint
mc_parallel_count_parts (guint at_most)
{
  return CLAMP (g_get_num_processors (), 1, MIN (MAX (at_most, 1), MC_PARALLEL_MAX_PARTS));
}

void
mc_parallel_run (guint       n_parts,
                 McPartFunc  func,
                 gpointer    user_data)
{
  Part parts[MC_PARALLEL_MAX_PARTS];
  GThread *threads[MC_PARALLEL_MAX_PARTS] = { NULL, };

  g_return_if_fail (n_parts >= 1 && n_parts <= MC_PARALLEL_MAX_PARTS);

  for (guint i = 0; i < n_parts; i++)
    {
      parts[i] = (Part) { func, user_data, i, n_parts };
      if (i > 0)
        threads[i] = g_thread_try_new ("mc-parallel", run_part, &parts[i], NULL);
    }
  run_part (&parts[0]);
  /* A part no thread could be made for runs here, after the first. */
  for (guint i = 1; i < n_parts; i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);
    else
      run_part (&parts[i]);
}
