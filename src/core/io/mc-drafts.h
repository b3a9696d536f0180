/* mc-drafts.h: unsaved edits kept on disk, so that a crash loses none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dataset.h"

G_BEGIN_DECLS

/* A draft is a dataset file with its edits, and a small key file that
 * says whose draft it is: the file it was opened from, or the bundled
 * dataset it edits, or neither (a pasted table). Drafts live in
 * $XDG_STATE_HOME/market-charts/drafts (inside the application's own
 * folder in the Flatpak), one pair of files per document, named by its
 * key. */
typedef struct
{
  char      *key;
  char      *title;     /* the dataset's, to offer it by name */
  GFile     *origin;    /* nullable: the file it edits */
  char      *bundled;   /* nullable: the id of the bundled dataset */
  GDateTime *saved;
} McDraft;

/* The folder of drafts: @base (nullable, for tests) or the user's state
 * folder. */
GFile      *mc_drafts_get_folder   (GFile       *base);
/* The key of the document of @dataset: the same for the same file or
 * bundled dataset, so that a later draft replaces an earlier one. A
 * pasted table, which has neither, gets a key of its own. */
char       *mc_drafts_make_key     (McDataset   *dataset,
                                    GFile       *origin);
/* Writes the draft of @dataset atomically, replacing an earlier one of
 * the same key. @dataset may be a copy (mc_dataset_copy()): this runs
 * in a thread while edits go on. */
gboolean    mc_drafts_save         (GFile       *folder,
                                    const char  *key,
                                    McDataset   *dataset,
                                    GFile       *origin,
                                    GError     **error);
gboolean    mc_drafts_remove       (GFile       *folder,
                                    const char  *key,
                                    GError     **error);
/* The drafts in @folder, oldest first (McDraft). Incomplete pairs are
 * left out. */
GPtrArray  *mc_drafts_list         (GFile       *folder);
/* The dataset of @draft, as it was when last edited: its file and
 * bundled id are those of the original. */
McDataset  *mc_drafts_load         (GFile       *folder,
                                    const McDraft *draft,
                                    GError     **error);
void        mc_draft_free          (McDraft     *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McDraft, mc_draft_free)

G_END_DECLS
