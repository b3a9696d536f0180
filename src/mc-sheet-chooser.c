/* mc-sheet-chooser.c: which sheet of a workbook to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a workbook of several sheets stops at this dialog: the
 * document manager says which sheets there are (::choose-sheet), and
 * the window opens the file again with the sheet chosen here.
 */
#include "config.h"

#include "mc-sheet-chooser.h"

#include <glib/gi18n.h>

#include "mc-text.h"

struct _McSheetChooser
{
  AdwWindow   parent_instance;

  GFile      *file;
  GStrv       sheets;

  GtkListBox      *sheet_list;
  AdwWindowTitle  *window_title;
};

G_DEFINE_FINAL_TYPE (McSheetChooser, mc_sheet_chooser, ADW_TYPE_WINDOW)

enum {
  SHEET_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
mc_sheet_chooser_choose (McSheetChooser *self,
                         guint           position)
{
  g_return_if_fail (MC_IS_SHEET_CHOOSER (self));
  g_return_if_fail (position < g_strv_length (self->sheets));

  g_object_ref (self);
  g_signal_emit (self, signals[SHEET_CHOSEN], 0, self->file, self->sheets[position]);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_sheet_list_row_activated_cb (McSheetChooser *self,
                                GtkListBoxRow  *row)
{
  mc_sheet_chooser_choose (self, gtk_list_box_row_get_index (row));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  McSheetChooser *self = MC_SHEET_CHOOSER (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sheet_list);

  if (row != NULL)
    mc_sheet_chooser_choose (self, gtk_list_box_row_get_index (row));
}

static void
add_rows (McSheetChooser *self)
{
  for (guint i = 0; self->sheets[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf (_("Sheet %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->sheets[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), number);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->sheet_list, row);
    }
  gtk_list_box_select_row (self->sheet_list, gtk_list_box_get_row_at_index (self->sheet_list, 0));
}

static void
mc_sheet_chooser_dispose (GObject *object)
{
  McSheetChooser *self = MC_SHEET_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_SHEET_CHOOSER);
  g_clear_object (&self->file);
  g_clear_pointer (&self->sheets, g_strfreev);

  G_OBJECT_CLASS (mc_sheet_chooser_parent_class)->dispose (object);
}

static void
mc_sheet_chooser_class_init (McSheetChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_sheet_chooser_dispose;

  /**
   * McSheetChooser::sheet-chosen:
   * @file: the workbook
   * @sheet: the name of the sheet chosen
   */
  signals[SHEET_CHOSEN] =
    g_signal_new ("sheet-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mc-sheet-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, McSheetChooser, sheet_list);
  gtk_widget_class_bind_template_child (widget_class, McSheetChooser, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "sheet.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_sheet_chooser_init (McSheetChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

McSheetChooser *
mc_sheet_chooser_new (GtkWindow          *parent,
                      GFile              *file,
                      const char * const *sheets)
{
  McSheetChooser *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (sheets != NULL && sheets[0] != NULL, NULL);

  self = g_object_new (MC_TYPE_SHEET_CHOOSER, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  self->sheets = g_strdupv ((char **) sheets);
  name = mc_text_file_name (file);
  adw_window_title_set_subtitle (self->window_title, name);
  add_rows (self);
  return self;
}

GFile *
mc_sheet_chooser_get_file (McSheetChooser *self)
{
  g_return_val_if_fail (MC_IS_SHEET_CHOOSER (self), NULL);

  return self->file;
}
