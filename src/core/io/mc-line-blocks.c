/* mc-line-blocks.c: a text read in blocks of whole lines, worked on by
 * several threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file of millions of rows is read a block at a time and each block is
 * worked on by one of as many threads as there are processors, while
 * another reads the next: the work of a block is independent of the
 * others, and the merge puts the results together in the order of the
 * blocks. Blocks end at line ends, so no row is cut in two. A file read
 * from a stream is never held whole in memory: a few blocks at a time.
 *
 * Reading happens under a lock, one block after the other; working on
 * blocks happens outside it; merging happens in one thread at a time,
 * outside the lock, as soon as the next block in order is done.
 */
#include "config.h"

#include "mc-line-blocks.h"

#include <string.h>

#include "mc-loader-buffer.h"
#include "mc-parallel.h"

/* About a million bytes a block: tens of thousands of rows, enough to
 * make a block's overhead nothing, few enough to keep memory low. */
#define BLOCK_SIZE (1024 * 1024)

typedef struct
{
  char   *data;       /* owned buffer, or NULL for a block of the head */
  const char *text;
  gsize   length;
  guint   index;
} Block;

typedef struct
{
  const McLineBlocksSource *source;
  const McLineBlocksFuncs  *funcs;
  gpointer                  user_data;
  GMutex                    lock;
  /* Reading, under the lock */
  gsize                     head_offset;  /* of the head not handed out yet */
  gsize                     head_end;     /* of its last whole line, with a stream */
  GByteArray               *carry;        /* a line cut by the end of the last read */
  gboolean                  at_end;
  guint64                   total;        /* bytes read from the stream */
  GPtrArray                *free_buffers;
  guint                     n_blocks;     /* handed out */
  /* Merging */
  GPtrArray                *results;      /* by block; NULL until worked on */
  guint                     n_merged;
  gboolean                  merging;
  McLineBlocksResult        outcome;
  GError                   *error;
} Run;

/* Just after the last '\n' of @text, NULL when it has none: a backward
 * search, which usually stops within a line. */
static const char *
last_line_end (const char *text,
               gsize       length)
{
  for (const char *p = text + length; p > text; p--)
    if (p[-1] == '\n')
      return p;
  return NULL;
}

/* The next block of the head, or FALSE when it is used up. */
static gboolean
take_head_block (Run   *run,
                 Block *block)
{
  const char *start = run->source->head + run->head_offset;
  gsize left = run->head_end - run->head_offset;
  const char *cut = start + left;

  if (left == 0)
    return FALSE;
  if (left > BLOCK_SIZE)
    {
      cut = last_line_end (start, BLOCK_SIZE);
      if (cut == NULL)
        {
          const char *next = memchr (start + BLOCK_SIZE, '\n', left - BLOCK_SIZE);

          cut = next != NULL ? next + 1 : start + left;
        }
    }
  block->data = NULL;
  block->text = start;
  block->length = cut - start;
  run->head_offset += block->length;
  if (run->source->mapped != NULL)
    mc_load_progress_add_bytes (run->source->progress, block->length);
  return TRUE;
}

/* A buffer for a block of at least @size bytes; *@capacity says how
 * large it is. Buffers are used again: their pages are not new. */
static char *
get_buffer (Run   *run,
            gsize  size,
            gsize *capacity)
{
  *capacity = MAX (size, 2 * BLOCK_SIZE);
  if (*capacity == 2 * BLOCK_SIZE && run->free_buffers->len > 0)
    return g_ptr_array_steal_index_fast (run->free_buffers, run->free_buffers->len - 1);
  return g_malloc (*capacity);
}

/* Reads up to BLOCK_SIZE bytes of the stream into @data. */
static gboolean
read_into (Run     *run,
           char    *data,
           gsize   *got,
           GError **error)
{
  const McLineBlocksSource *source = run->source;
  g_autoptr(GError) local_error = NULL;

  if (!g_input_stream_read_all (source->stream, data, BLOCK_SIZE, got,
                                source->cancellable, &local_error))
    {
      mc_loader_set_read_error (error, source->name, local_error);
      return FALSE;
    }
  run->at_end = *got < BLOCK_SIZE;
  run->total += *got;
  /* The head, and a text in memory, were counted as they were read. */
  mc_load_progress_add_bytes (source->progress, *got);
  return TRUE;
}

/* The next block from the stream: what was carried from the last read,
 * then reads until a line ends (or the stream does), up to the last line
 * end; the rest is carried on. */
static gboolean
take_stream_block (Run     *run,
                   Block   *block,
                   GError **error)
{
  gsize length = run->carry->len, capacity;
  const char *cut = NULL;
  char *data;

  if (run->at_end && length == 0)
    return FALSE;
  data = get_buffer (run, length + BLOCK_SIZE, &capacity);
  memcpy (data, run->carry->data, length);
  while (!run->at_end && cut == NULL)
    {
      gsize got;

      if (capacity - length < BLOCK_SIZE)
        {
          capacity = 2 * capacity;
          data = g_realloc (data, capacity);
        }
      if (!read_into (run, data + length, &got, error))
        {
          g_free (data);
          return FALSE;
        }
      cut = last_line_end (data + length, got);
      length += got;
      if (run->source->head_length + run->total > run->source->max_length)
        {
          run->outcome = MC_LINE_BLOCKS_GAVE_UP;
          g_free (data);
          return FALSE;
        }
    }
  if (cut == NULL)
    cut = data + length;
  g_byte_array_set_size (run->carry, 0);
  g_byte_array_append (run->carry, (const guint8 *) cut, data + length - cut);
  block->data = data;
  block->text = data;
  block->length = cut - data;
  return TRUE;
}

/* The next block to work on, under the lock; FALSE when there is none
 * left or the run stops. */
static gboolean
take_block (Run   *run,
            Block *block)
{
  gboolean found = FALSE;
  GError *error = NULL;

  g_mutex_lock (&run->lock);
  if (run->outcome == MC_LINE_BLOCKS_DONE
      && g_cancellable_set_error_if_cancelled (run->source->cancellable, &error))
    run->outcome = MC_LINE_BLOCKS_FAILED;
  else if (run->outcome == MC_LINE_BLOCKS_DONE)
    {
      found = take_head_block (run, block);
      if (!found && run->source->stream != NULL)
        {
          found = take_stream_block (run, block, &error);
          if (error != NULL)
            run->outcome = MC_LINE_BLOCKS_FAILED;
        }
    }
  if (error != NULL)
    g_propagate_error (&run->error, error);
  if (found)
    {
      block->index = run->n_blocks++;
      g_ptr_array_add (run->results, NULL);
    }
  g_mutex_unlock (&run->lock);
  return found;
}

static void
give_back (Run   *run,
           Block *block)
{
  if (block->data == NULL && run->source->mapped != NULL)
    mc_mapped_file_release (run->source->mapped, block->text, block->length);
  if (block->data == NULL)
    return;
  g_mutex_lock (&run->lock);
  g_ptr_array_add (run->free_buffers, block->data);
  g_mutex_unlock (&run->lock);
}

/* Merges the results that are next in order, one thread at a time;
 * called with the lock held. */
static void
merge_ready (Run *run)
{
  if (run->merging)
    return;
  run->merging = TRUE;
  while (run->outcome == MC_LINE_BLOCKS_DONE && run->n_merged < run->results->len
         && g_ptr_array_index (run->results, run->n_merged) != NULL)
    {
      gpointer result = g_ptr_array_index (run->results, run->n_merged);
      gboolean merged;

      g_ptr_array_index (run->results, run->n_merged) = NULL;
      g_mutex_unlock (&run->lock);
      merged = run->funcs->merge (result, run->user_data);
      run->funcs->free_result (result);
      g_mutex_lock (&run->lock);
      run->n_merged++;
      if (!merged && run->outcome == MC_LINE_BLOCKS_DONE)
        run->outcome = MC_LINE_BLOCKS_GAVE_UP;
    }
  run->merging = FALSE;
}

static void
finish_block (Run      *run,
              guint     index,
              gpointer  result)
{
  g_mutex_lock (&run->lock);
  if (result == NULL && run->outcome == MC_LINE_BLOCKS_DONE)
    run->outcome = MC_LINE_BLOCKS_GAVE_UP;
  if (result != NULL && run->outcome != MC_LINE_BLOCKS_DONE)
    run->funcs->free_result (result);
  else if (result != NULL)
    {
      g_ptr_array_index (run->results, index) = result;
      merge_ready (run);
    }
  g_mutex_unlock (&run->lock);
}

static gpointer
work (gpointer data)
{
  Run *run = data;
  Block block;

  while (take_block (run, &block))
    {
      gpointer result = run->funcs->work (block.text, block.length, run->user_data);

      give_back (run, &block);
      finish_block (run, block.index, result);
    }
  return NULL;
}

static guint
count_threads (const McLineBlocksSource *source)
{
  if (source->stream == NULL && source->head_length <= BLOCK_SIZE)
    return 1;
  return mc_parallel_count_parts (MC_PARALLEL_MAX_PARTS);
}

static void
free_results (Run *run)
{
  for (guint i = 0; i < run->results->len; i++)
    if (g_ptr_array_index (run->results, i) != NULL)
      run->funcs->free_result (g_ptr_array_index (run->results, i));
  g_ptr_array_unref (run->results);
}

/**
 * mc_line_blocks_run:
 *
 * Reads the text of @source in blocks of whole lines, has @funcs work on
 * each in one of several threads (this one among them), and merges the
 * results in order. The last block may end without a line end.
 *
 * Returns: MC_LINE_BLOCKS_DONE when every block was worked on and
 *   merged; MC_LINE_BLOCKS_GAVE_UP when a block's work or merge gave up
 *   or the text is longer than allowed; MC_LINE_BLOCKS_FAILED with
 *   @error set when reading failed or was cancelled
 */
McLineBlocksResult
mc_line_blocks_run (const McLineBlocksSource  *source,
                    const McLineBlocksFuncs   *funcs,
                    gpointer                   user_data,
                    GError                   **error)
{
  Run run = { source, funcs, user_data };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_threads = count_threads (source);

  g_mutex_init (&run.lock);
  run.carry = g_byte_array_new ();
  run.free_buffers = g_ptr_array_new_with_free_func (g_free);
  run.results = g_ptr_array_new ();
  run.outcome = source->head_length > source->max_length ? MC_LINE_BLOCKS_GAVE_UP
                                                        : MC_LINE_BLOCKS_DONE;
  /* A mapped file's bytes before the head (its header) were read */
  if (source->mapped != NULL)
    {
      gsize length;

      mc_load_progress_add_bytes (source->progress,
                                  source->head - mc_mapped_file_get_contents (source->mapped,
                                                                              &length));
    }
  /* A stream goes on with the last line of the head. */
  run.head_end = source->head_length;
  if (source->stream != NULL)
    {
      const char *end = last_line_end (source->head, source->head_length);

      run.head_end = end != NULL ? (gsize) (end - source->head) : 0;
      g_byte_array_append (run.carry, (const guint8 *) source->head + run.head_end,
                           source->head_length - run.head_end);
    }

  /* Workers take blocks in turn: a thread the system can't give is one
   * worker fewer, and this one always works. */
  for (guint i = 1; i < n_threads; i++)
    {
      GThread *thread = g_thread_try_new ("mc-line-blocks", work, &run, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  work (&run);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  if (run.outcome == MC_LINE_BLOCKS_DONE)
    g_assert (run.n_merged == run.n_blocks);
  /* Zeros were read where the file was cut: read it again, as it is */
  if (run.outcome == MC_LINE_BLOCKS_DONE && source->mapped != NULL
      && mc_mapped_file_was_cut (source->mapped))
    run.outcome = MC_LINE_BLOCKS_GAVE_UP;
  if (run.error != NULL)
    g_propagate_error (error, run.error);
  free_results (&run);
  g_ptr_array_unref (run.free_buffers);
  g_byte_array_unref (run.carry);
  g_mutex_clear (&run.lock);
  return run.outcome;
}
