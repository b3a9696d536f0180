/* mc-sheet-chooser.h: which sheet of a workbook to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MC_TYPE_SHEET_CHOOSER (mc_sheet_chooser_get_type ())
G_DECLARE_FINAL_TYPE (McSheetChooser, mc_sheet_chooser, MC, SHEET_CHOOSER, AdwWindow)

/* A dialog listing @sheets of @file, the first selected. Choosing one
 * (Open, or activating its row) emits ::sheet-chosen (the file and the
 * sheet's name) and closes the dialog. */
McSheetChooser  *mc_sheet_chooser_new        (GtkWindow           *parent,
                                              GFile               *file,
                                              const char * const  *sheets);
GFile           *mc_sheet_chooser_get_file   (McSheetChooser      *self);
/* Chooses the sheet at @position, as activating its row does. */
void             mc_sheet_chooser_choose     (McSheetChooser      *self,
                                              guint                position);

G_END_DECLS
