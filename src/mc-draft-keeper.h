/* mc-draft-keeper.h: drafts of the documents with unsaved edits, written
 * a moment after the last edit, and offered back after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-document-manager.h"
#include "mc-drafts.h"

G_BEGIN_DECLS

#define MC_TYPE_DRAFT_KEEPER (mc_draft_keeper_get_type ())
G_DECLARE_FINAL_TYPE (McDraftKeeper, mc_draft_keeper, MC, DRAFT_KEEPER, GObject)

/* It reports a draft it could not write or remove:
 *   ::error (message) */

/* How long after the last edit a draft is written. */
#define MC_DRAFT_DELAY_MS 2000

/* Keeps drafts of the documents of @manager in @folder (NULL: the user's
 * state folder): written in a thread MC_DRAFT_DELAY_MS after the last
 * edit of a document with unsaved edits, removed when it is saved,
 * undone back to its saved state or closed. The drafts found in @folder
 * at the start are those a crash left. */
McDraftKeeper  *mc_draft_keeper_new          (McDocumentManager  *manager,
                                              GFile              *folder);
/* The drafts found at the start (McDraft), not yet restored or
 * discarded. */
GPtrArray      *mc_draft_keeper_get_found    (McDraftKeeper      *self);
/* Puts the draft's edits back in its document (the bundled dataset or
 * the file it edits, opened if need be, or a new one for a pasted
 * table): unsaved, as they were. */
McDocument     *mc_draft_keeper_restore      (McDraftKeeper      *self,
                                              const McDraft      *draft,
                                              GError            **error);
void            mc_draft_keeper_discard_found (McDraftKeeper     *self);
/* Removes the draft of @document, whose edits the user discards. */
void            mc_draft_keeper_discard      (McDraftKeeper      *self,
                                              McDocument         *document);
/* Whether a draft of @document is written (for tests). */
gboolean        mc_draft_keeper_has_draft    (McDraftKeeper      *self,
                                              McDocument         *document);

G_END_DECLS
