/* mc-line-blocks.h: a text read in blocks of whole lines, worked on by
 * several threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-load-progress.h"
#include "mc-mapped-file.h"

G_BEGIN_DECLS

typedef enum
{
  MC_LINE_BLOCKS_DONE,
  MC_LINE_BLOCKS_GAVE_UP,  /* work or merge gave up: read the text another way */
  MC_LINE_BLOCKS_FAILED,   /* the error is set: reading failed, or was cancelled */
} McLineBlocksResult;

typedef struct
{
  /* In any thread, for each block, in any order: what the block holds,
   * or NULL to give up. */
  gpointer  (*work)         (const char  *text,
                             gsize        length,
                             gpointer     user_data);
  /* One block at a time, in their order: FALSE to give up. */
  gboolean  (*merge)        (gpointer     result,
                             gpointer     user_data);
  void      (*free_result)  (gpointer     result);
} McLineBlocksFuncs;

/* Where the text comes from: @head (the bytes from its start, which the
 * caller has read already), then, when @stream is not NULL, the rest of
 * @stream. Reading stops with MC_LINE_BLOCKS_GAVE_UP past @max_length
 * bytes in all. */
typedef struct
{
  const char     *head;
  gsize           head_length;
  GInputStream   *stream;
  gsize           max_length;
  const char     *name;         /* for messages */
  McLoadProgress *progress;     /* nullable: counts the bytes read */
  GCancellable   *cancellable;
  /* Nullable: the mapped file @head is part of, whose pages are read
   * from the disk as blocks are worked on: they are counted then, and
   * given back after. A file cut short meanwhile gives up. */
  McMappedFile   *mapped;
} McLineBlocksSource;

McLineBlocksResult  mc_line_blocks_run  (const McLineBlocksSource  *source,
                                         const McLineBlocksFuncs   *funcs,
                                         gpointer                   user_data,
                                         GError                   **error);

G_END_DECLS
