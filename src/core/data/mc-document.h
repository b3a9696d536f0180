/* mc-document.h: a dataset being edited, with its file, its history and
 * whether it was saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-change.h"
#include "mc-dataset.h"
#include "mc-edit.h"

G_BEGIN_DECLS

#define MC_TYPE_DOCUMENT (mc_document_get_type ())
G_DECLARE_FINAL_TYPE (McDocument, mc_document, MC, DOCUMENT, GObject)

/* A rule edits must keep, which the data layer does not know: that every
 * chart can still be drawn (mc_chart_check_document() in the chart
 * layer). It sees the dataset as an edit left it, what changed, and
 * whether the dataset passed it before the edit: then it may look again
 * only at what the edit changed. */
typedef gboolean (*McDocumentCheck) (McDataset       *dataset,
                                     const McChange  *change,
                                     gboolean         passed_before,
                                     GError         **error);

McDocument      *mc_document_new                (McDataset       *dataset);
void             mc_document_set_check          (McDocument      *self,
                                                 McDocumentCheck  check);
McDataset       *mc_document_get_dataset        (McDocument      *self);
void             mc_document_replace_dataset    (McDocument      *self,
                                                 McDataset       *dataset);
void             mc_document_restore_unsaved    (McDocument      *self,
                                                 McDataset       *dataset);
GFile           *mc_document_get_file           (McDocument      *self);
void             mc_document_set_file           (McDocument      *self,
                                                 GFile           *file);
gboolean         mc_document_get_read_only      (McDocument      *self);

gboolean         mc_document_apply              (McDocument      *self,
                                                 McEdit          *edit,
                                                 GError         **error);
gboolean         mc_document_apply_merged       (McDocument      *self,
                                                 McEdit          *edit,
                                                 GError         **error);
gboolean         mc_document_undo               (McDocument      *self);
gboolean         mc_document_redo               (McDocument      *self);
gboolean         mc_document_can_undo           (McDocument      *self);
gboolean         mc_document_can_redo           (McDocument      *self);
const char      *mc_document_get_undo_label     (McDocument      *self);
const char      *mc_document_get_redo_label     (McDocument      *self);

gboolean         mc_document_get_dirty          (McDocument      *self);
void             mc_document_mark_saved         (McDocument      *self);

gboolean         mc_document_follow             (McDocument     **slot,
                                                 McDocument      *document,
                                                 GCallback        on_changed,
                                                 gpointer         instance);

G_END_DECLS
