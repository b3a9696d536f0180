/* mc-document-manager.h: the documents of the application and the files
 * behind them: loading, watching, reloading and the recent files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mc-dataset.h"
#include "mc-document.h"
#include "mc-load-options.h"
#include "mc-file-load.h"

G_BEGIN_DECLS

#define MC_TYPE_DOCUMENT_MANAGER (mc_document_manager_get_type ())
G_DECLARE_FINAL_TYPE (McDocumentManager, mc_document_manager, MC, DOCUMENT_MANAGER, GObject)

/* It reports to whoever shows the documents through signals:
 *   ::choose-sheet (GFile, GStrv)  a workbook to open has several sheets
 *   ::open-failed (GFile, heading, message)  a file could not be opened;
 *                               unless stopped, it is also an ::error
 *   ::error (heading, message)  something failed, with the loader's message
 *   ::message (text)            "“sales.csv” reloaded"
 *   ::opened (McDocument)       a file given to open_file() is in its document
 *   ::restored ()               the recent files are back, those that could be
 *   ::changed-on-disk (McDocument)  a file with unsaved edits changed: keep
 *                               the edits or reload, as the user says
 * A document whose file is reloaded emits its own "changed". Documents
 * refuse edits that would break a chart. */

/* @settings (nullable) keeps the recent files; without it nothing is
 * remembered or restored. */
McDocumentManager  *mc_document_manager_new                  (GSettings          *settings);

/* The documents (McDocument): the bundled datasets first, read-only, then
 * the opened files and pasted tables in the order they came. */
GListModel         *mc_document_manager_get_documents        (McDocumentManager  *self);
/* The files being opened (McFileLoad), in the order they were asked
 * for: their progress, to show, and their cancellation. A load leaves the
 * list when its file is open, failed or was cancelled; a cancelled one
 * changes nothing. */
GListModel         *mc_document_manager_get_loads            (McDocumentManager  *self);
gboolean            mc_document_manager_find_document        (McDocumentManager  *self,
                                                              McDocument         *document,
                                                              guint              *position);
McDocument         *mc_document_manager_find_file            (McDocumentManager  *self,
                                                              GFile              *file);
McDocument         *mc_document_manager_find_bundled         (McDocumentManager  *self,
                                                              const char         *id);

/* Puts the bundled datasets first; FALSE, and nothing added, when they
 * cannot be read. */
gboolean            mc_document_manager_add_bundled          (McDocumentManager  *self,
                                                              GError            **error);

/* Adds a document for @dataset at the end; a dataset read from the file
 * of a listed document replaces that document's data instead. Returns
 * the document, which the manager holds. */
McDocument         *mc_document_manager_add_dataset          (McDocumentManager  *self,
                                                              McDataset          *dataset);

/* Adds a table read from the clipboard: the second and later ones are
 * titled "Pasted table 2", "Pasted table 3", ...; with no description of
 * their own they are described as pasted. */
McDocument         *mc_document_manager_add_pasted           (McDocumentManager  *self,
                                                              McDataset          *table);

/* Adds a document for a dataset restored from a draft, watching its file
 * (if any) as an opened one. */
McDocument         *mc_document_manager_add_restored         (McDocumentManager  *self,
                                                              McDataset          *dataset);

/* Loads @file in a thread, then adds it (or replaces the data of the
 * document of that file, in place), watches it and remembers it among
 * the recent files, and emits ::opened. A file that cannot be loaded is
 * reported with ::error, and nothing changes. Returns the load, which
 * the manager lists until it ends (mc_document_manager_get_loads()). */
McFileLoad         *mc_document_manager_open_file            (McDocumentManager  *self,
                                                              GFile              *file);
/* Same, read as @options say (a sheet, a delimiter, where the records
 * are), which it keeps for the reloads of the file and remembers with
 * the recent files. The default options forget any given before. */
McFileLoad         *mc_document_manager_open_file_with_options (McDocumentManager  *self,
                                                              GFile              *file,
                                                              const McLoadOptions *options);
/* (nullable): how @file is read, when not by default */
const McLoadOptions *mc_document_manager_get_load_options    (McDocumentManager  *self,
                                                              GFile              *file);

/* Loads the recent files in a thread, oldest first, and adds them after
 * the bundled datasets; files that are gone are forgotten quietly, files
 * that fail are reported with ::error. Emits ::restored at the end. */
void                mc_document_manager_restore_recent_files (McDocumentManager  *self);

/* Removes @document, stops watching its file and forgets it among the
 * recent files. Bundled datasets stay: FALSE. */
gboolean            mc_document_manager_close                (McDocumentManager  *self,
                                                              McDocument         *document);

/* Saving: to the document's own dataset file, or under a new name (Save
 * As), which the document then has. */
gboolean            mc_document_manager_can_save             (McDocumentManager  *self,
                                                              McDocument         *document);
gboolean            mc_document_manager_save                 (McDocumentManager  *self,
                                                              McDocument         *document,
                                                              GFile              *file,
                                                              GError            **error);

/* The answers to ::changed-on-disk. */
void                mc_document_manager_reload               (McDocumentManager  *self,
                                                              McDocument         *document);
void                mc_document_manager_keep_edits           (McDocumentManager  *self,
                                                              McDocument         *document);

G_END_DECLS
