/* mc-table-edit.c: editing the table: cells typed in a popover and read
 * as the loader reads cells, estimates and notes, rows and columns added,
 * moved, retyped and deleted, and blocks of cells pasted from a
 * spreadsheet. Every change is an edit of the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-table-view-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mc-cell-input.h"
#include "mc-column-convert.h"
#include "mc-format.h"

/* Edits */

gboolean
mc_table_edit_apply (McTableView *self,
                     McEdit      *edit)
{
  g_autoptr(McEdit) owned = edit;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return FALSE;
  if (mc_document_apply (self->document, edit, &error))
    return TRUE;
  mc_table_view_report_error (self, _("Could Not Change the Table"), error->message);
  return FALSE;
}

static McColumn *
lookup_column (McTableView *self,
               const char  *id)
{
  return self->dataset != NULL ? mc_dataset_lookup_column (self->dataset, id) : NULL;
}

/* Typing in a cell */

/* What a column takes, under the entry. */
static char *
describe_input (McColumn *column)
{
  g_autofree char *example = NULL;

  switch (mc_column_get_column_type (column))
    {
    case MC_COLUMN_NUMBER:
      example = mc_format_number (1234.5, 1);
      /* Translators: under the entry of a number cell; %s is 1234.5 as
       * the locale writes it */
      return g_strdup_printf (_("A number, such as %s; empty when missing"), example);
    case MC_COLUMN_DATE:
      return g_strdup (_("A date, such as 2024, 2024-02, 2024-02-15 or Feb 2024; empty when "
                         "missing"));
    case MC_COLUMN_BOOLEAN:
      return g_strdup (_("true or false (or yes or no); empty when missing"));
    case MC_COLUMN_STRING:
    default:
      return NULL;
    }
}

typedef struct
{
  McTableView *view;
  guint        row;
  char        *column_id;
  GtkWidget   *entry;
  GtkWidget   *error_label;
} CellEditor;

static void
cell_editor_free (CellEditor *editor)
{
  g_free (editor->column_id);
  g_free (editor);
}

static void
show_cell_error (CellEditor *editor,
                 const char *message)
{
  gtk_label_set_label (GTK_LABEL (editor->error_label), message);
  gtk_widget_set_visible (editor->error_label, TRUE);
  gtk_widget_add_css_class (editor->entry, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/* A value that does not fit is not committed: the popover says why. One
 * that fits closes it first: the table draws the cell's row anew. */
static void
on_cell_entry_activate_cb (GtkEntry   *entry,
                           CellEditor *editor)
{
  McTableView *self = editor->view;
  McColumn *column = lookup_column (self, editor->column_id);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  g_auto(McCellInput) input = { 0 };
  g_autoptr(GError) error = NULL;
  guint row = editor->row;
  g_autofree char *column_id = g_strdup (editor->column_id);

  if (column == NULL)
    return;
  if (!mc_cell_input_read (column, gtk_editable_get_text (GTK_EDITABLE (entry)), &input, &error))
    {
      show_cell_error (editor, error->message);
      return;
    }
  /* The popover and its editor go when it closes. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  mc_table_edit_apply (self, mc_cell_input_make_edit (&input, row, column_id));
}

static void
unparent_popover (gpointer data)
{
  g_autoptr(GtkWidget) popover = data;

  /* Unless its cell went first, taking it along. */
  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
}

static void
on_popover_closed_cb (GtkPopover *popover)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (popover));

  /* Unparented once closed, after the close has run. */
  g_idle_add_once (unparent_popover, g_object_ref (popover));
  if (cell != NULL)
    gtk_widget_grab_focus (cell);
}

static GtkWidget *
popover_new (GtkWidget *cell,
             GtkWidget *child)
{
  GtkWidget *popover = gtk_popover_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), child);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (popover, cell);
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed_cb), NULL);
  return popover;
}

static GtkWidget *
cell_editor_box (CellEditor *editor,
                 McColumn   *column,
                 const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *hint = describe_input (column);
  /* Translators: names the entry of a cell: the row, counted from 1,
   * and the column's label */
  g_autofree char *name = g_strdup_printf (_("Row %u of “%s”"), editor->row + 1,
                                           mc_column_get_label (column));

  editor->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (editor->entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (editor->entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (editor->entry), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (box), editor->entry);
  editor->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (editor->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (editor->error_label), 40);
  gtk_label_set_xalign (GTK_LABEL (editor->error_label), 0);
  gtk_widget_add_css_class (editor->error_label, "error");
  gtk_widget_set_visible (editor->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), editor->error_label);
  if (hint != NULL)
    {
      GtkWidget *label = gtk_label_new (hint);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

/* Edits the cell at @row of column @column_id in a popover over @cell. */
static void
edit_cell (McTableView *self,
           GtkWidget   *cell,
           guint        row,
           const char  *column_id)
{
  McColumn *column = lookup_column (self, column_id);
  g_autofree char *text = NULL;
  CellEditor *editor;
  GtkWidget *popover;

  if (self->document == NULL || column == NULL || row >= mc_column_get_n_rows (column))
    return;
  editor = g_new0 (CellEditor, 1);
  editor->view = self;
  editor->row = row;
  editor->column_id = g_strdup (column_id);
  text = mc_cell_input_text (column, row);
  popover = popover_new (cell, cell_editor_box (editor, column, text));
  g_object_set_data_full (G_OBJECT (popover), "mc-editor", editor,
                          (GDestroyNotify) cell_editor_free);
  g_signal_connect (editor->entry, "activate", G_CALLBACK (on_cell_entry_activate_cb), editor);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (editor->entry);
}

/* Cells */

static const char *
cell_column_id (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "mc-column-id");
}

static void
note_focus (McTableView *self,
            GtkWidget   *cell)
{
  self->focus_row = mc_table_view_cell_row (cell);
  g_free (self->focus_column);
  self->focus_column = g_strdup (cell_column_id (cell));
}

static void on_cell_menu (McTableView *self,
                          GtkWidget   *cell,
                          double       x,
                          double       y);

static gboolean
on_cell_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        McTableView           *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint row = mc_table_view_cell_row (cell);

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_F2:
      edit_cell (self, cell, row, cell_column_id (cell));
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      mc_table_edit_apply (self, mc_edit_new_set_missing (row, cell_column_id (cell)));
      return TRUE;
    case GDK_KEY_Menu:
      on_cell_menu (self, cell, gtk_widget_get_width (cell) / 2.0, gtk_widget_get_height (cell));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    McTableView     *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (self->document == NULL)
    return;
  gtk_widget_grab_focus (cell);
  if (button == GDK_BUTTON_SECONDARY)
    on_cell_menu (self, cell, x, y);
  else if (n_press == 2)
    edit_cell (self, cell, mc_table_view_cell_row (cell), cell_column_id (cell));
}

static void
on_cell_focus_enter_cb (GtkEventControllerFocus *controller,
                        McTableView             *self)
{
  note_focus (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

void
mc_table_edit_setup_cell (McTableView   *self,
                          GtkWidget     *cell,
                          McTableColumn *column)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (cell), "mc-table-column", column);
  g_object_set_data_full (G_OBJECT (cell), "mc-column-id",
                          g_strdup (mc_column_get_id (column->column)), g_free);
  gtk_widget_set_focusable (cell, TRUE);
  gtk_widget_add_css_class (cell, "table-cell");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_cell_pressed_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_cell_key_pressed_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter_cb), self);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (cell, keys);
  gtk_widget_add_controller (cell, focus);
}

/* The menu of a cell */

static void
add_menu_item (GMenu      *menu,
               const char *label,
               const char *action,
               GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

static GMenuModel *
cell_menu_new (McTableView *self,
               guint        row,
               const char  *column_id)
{
  McColumn *column = lookup_column (self, column_id);
  gboolean estimate = column != NULL && mc_column_is_estimate (column, row);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) cell = g_menu_new ();
  g_autoptr(GMenu) rows = g_menu_new ();

  add_menu_item (cell, _("_Edit Cell"), "table.edit-cell", g_variant_new ("(us)", row, column_id));
  add_menu_item (cell, estimate ? _("Unmark _Estimate") : _("Mark as _Estimate"),
                 "table.toggle-estimate", g_variant_new ("(us)", row, column_id));
  add_menu_item (cell, _("Edit _Note…"), "table.edit-note", g_variant_new ("(us)", row, column_id));
  add_menu_item (cell, _("_Clear Cell"), "table.clear-cell",
                 g_variant_new ("(us)", row, column_id));
  add_menu_item (cell, _("_Paste Cells Here"), "table.paste-cells",
                 g_variant_new ("(us)", row, column_id));
  add_menu_item (rows, _("Insert Row _Above"), "table.insert-row", g_variant_new ("(ui)", row, 0));
  add_menu_item (rows, _("Insert Row _Below"), "table.insert-row", g_variant_new ("(ui)", row, 1));
  add_menu_item (rows, _("Move Row _Up"), "table.move-row", g_variant_new ("(ui)", row, -1));
  add_menu_item (rows, _("Move Row _Down"), "table.move-row", g_variant_new ("(ui)", row, 1));
  add_menu_item (rows, _("De_lete Row"), "table.delete-row", g_variant_new_uint32 (row));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (cell));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (rows));
  return G_MENU_MODEL (menu);
}

static void
on_cell_menu (McTableView *self,
              GtkWidget   *cell,
              double       x,
              double       y)
{
  g_autoptr(GMenuModel) menu = cell_menu_new (self, mc_table_view_cell_row (cell),
                                              cell_column_id (cell));
  GtkWidget *popover = gtk_popover_menu_new_from_model (menu);

  gtk_widget_set_parent (popover, cell);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* The focused cell, for actions given a row and a column id. */
static GtkWidget *
focused_cell (McTableView *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (g_object_get_data (G_OBJECT (focus), "mc-table-column") != NULL)
      return focus;
  return NULL;
}

static void
edit_cell_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McTableView *self = MC_TABLE_VIEW (widget);
  GtkWidget *cell = focused_cell (self);
  const char *column_id;
  guint row;

  g_variant_get (parameter, "(u&s)", &row, &column_id);
  if (cell != NULL)
    edit_cell (self, cell, row, column_id);
}

static void
clear_cell_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *column_id;
  guint row;

  g_variant_get (parameter, "(u&s)", &row, &column_id);
  mc_table_edit_apply (MC_TABLE_VIEW (widget), mc_edit_new_set_missing (row, column_id));
}

static void
toggle_estimate_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  McTableView *self = MC_TABLE_VIEW (widget);
  const char *column_id;
  McColumn *column;
  guint row;

  g_variant_get (parameter, "(u&s)", &row, &column_id);
  column = lookup_column (self, column_id);
  if (column != NULL && row < mc_column_get_n_rows (column))
    mc_table_edit_apply (self, mc_edit_new_set_estimate (row, column_id,
                                                         !mc_column_is_estimate (column, row)));
}

/* Asking for a text: a note, a column's name or unit */

typedef void (*TextFunc) (McTableView *self,
                          const char  *text,
                          gpointer     data);

typedef McEdit *(*ColumnTextEdit) (const char *id,
                                    const char *text);

typedef struct
{
  McTableView    *view;
  TextFunc        done;
  ColumnTextEdit  column_edit;   /* for questions about a column's texts */
  char           *data;
  GtkWidget      *entry;
  GtkWidget      *types;   /* a type chooser, for new columns; or NULL */
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_free (question->data);
  g_free (question);
}

static void
on_question_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Question         *question)
{
  if (g_str_equal (response, "apply"))
    question->done (question->view, gtk_editable_get_text (GTK_EDITABLE (question->entry)),
                    question);
}

static Question *
ask_text (McTableView *self,
          const char  *heading,
          const char  *body,
          const char  *text,
          const char  *apply_label,
          TextFunc     done,
          const char  *data)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  Question *question = g_new0 (Question, 1);

  question->view = self;
  question->done = done;
  question->data = g_strdup (data);
  question->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (question->entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (question->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (question->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_box_append (GTK_BOX (box), question->entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "apply", apply_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_question_response_cb), question,
                         question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return question;
}

static void
set_note (McTableView *self,
          const char  *text,
          gpointer     data)
{
  Question *question = data;
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (question->entry), "mc-row"));

  mc_table_edit_apply (self, mc_edit_new_set_note (row, question->data, text));
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McTableView *self = MC_TABLE_VIEW (widget);
  const char *column_id;
  McColumn *column;
  Question *question;
  guint row;

  g_variant_get (parameter, "(u&s)", &row, &column_id);
  column = lookup_column (self, column_id);
  if (column == NULL || row >= mc_column_get_n_rows (column))
    return;
  question = ask_text (self, _("Note"),
                       _("A short remark on the value, shown in tooltips and in the table"),
                       mc_column_get_note (column, row), _("_Set Note"), set_note, column_id);
  g_object_set_data (G_OBJECT (question->entry), "mc-row", GUINT_TO_POINTER (row));
}

/* Rows */

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  McTableView *self = MC_TABLE_VIEW (widget);

  if (self->dataset != NULL)
    mc_table_edit_apply (self, mc_edit_new_insert_rows (mc_dataset_get_n_rows (self->dataset), 1));
}

static void
insert_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  guint row;
  int below;

  g_variant_get (parameter, "(ui)", &row, &below);
  mc_table_edit_apply (MC_TABLE_VIEW (widget), mc_edit_new_insert_rows (row + (below ? 1 : 0), 1));
}

static void
move_row_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  McTableView *self = MC_TABLE_VIEW (widget);
  guint row;
  int delta;

  g_variant_get (parameter, "(ui)", &row, &delta);
  if ((delta < 0 && row == 0) || self->dataset == NULL
      || row + delta >= mc_dataset_get_n_rows (self->dataset))
    return;
  mc_table_edit_apply (self, mc_edit_new_move_rows (row, 1, row + delta));
}

static void
delete_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  mc_table_edit_apply (MC_TABLE_VIEW (widget),
                       mc_edit_new_remove_rows (g_variant_get_uint32 (parameter), 1));
}

/* Pasting a block of cells at the focused one */

static void
paste_text (McTableView *self,
            guint        row,
            const char  *column_id,
            const char  *text)
{
  int column = mc_dataset_get_column_index (self->dataset, column_id);
  g_autoptr(GError) error = NULL;
  McEdit *edit;

  if (column < 0)
    return;
  edit = mc_cell_input_paste (self->dataset, row, column, text, &error);
  if (edit == NULL)
    mc_table_view_report_error (self, _("Could Not Paste the Cells"), error->message);
  else
    mc_table_edit_apply (self, edit);
}

static void
on_clipboard_text_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(McTableView) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source_object), result,
                                                          NULL);
  g_autofree char *column_id = g_object_steal_data (G_OBJECT (self), "mc-paste-column");
  guint row = GPOINTER_TO_UINT (g_object_steal_data (G_OBJECT (self), "mc-paste-row"));

  if (text == NULL || *text == '\0' || self->dataset == NULL || column_id == NULL)
    {
      mc_table_view_report_error (self, _("Nothing to Paste"),
                                  _("The clipboard holds no text. Copy cells from a "
                                    "spreadsheet, then paste them here."));
      return;
    }
  paste_text (self, row, column_id, text);
}

static void
paste_at (McTableView *self,
          guint        row,
          const char  *column_id)
{
  g_object_set_data (G_OBJECT (self), "mc-paste-row", GUINT_TO_POINTER (row));
  g_object_set_data_full (G_OBJECT (self), "mc-paste-column", g_strdup (column_id), g_free);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 on_clipboard_text_cb, g_object_ref (self));
}

static void
paste_cells_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *column_id;
  guint row;

  g_variant_get (parameter, "(u&s)", &row, &column_id);
  paste_at (MC_TABLE_VIEW (widget), row, column_id);
}

/* Ctrl+V on a cell pastes cells; elsewhere the window pastes a table. */
static gboolean
paste_shortcut (GtkWidget *widget,
                GVariant  *parameter,
                gpointer   user_data)
{
  McTableView *self = MC_TABLE_VIEW (widget);
  GtkWidget *cell = focused_cell (self);

  if (cell == NULL || self->document == NULL)
    return FALSE;
  note_focus (self, cell);
  paste_at (self, self->focus_row, self->focus_column);
  return TRUE;
}

/* Columns */

static void
apply_column_text (McTableView *self,
                   const char  *text,
                   gpointer     data)
{
  Question *question = data;

  mc_table_edit_apply (self, question->column_edit (question->data, text));
}

/* A text of a column that a dialog asks for. */
typedef struct
{
  const char      *heading;
  const char      *body;
  const char      *apply_label;
  const char    *(*get) (const McColumn *column);
  ColumnTextEdit   edit;
} ColumnText;

static const ColumnText column_label = {
  N_("Rename Column"), N_("The name people read in legends, axes and the table"), N_("_Rename"),
  mc_column_get_label, mc_edit_new_set_column_label,
};

static const ColumnText column_unit = {
  N_("Unit"), N_("A currency such as USD, “percent”, or any unit; empty for none"),
  N_("_Set Unit"), mc_column_get_unit, mc_edit_new_set_column_unit,
};

/* Asks for the text of the column the action names. */
static void
ask_column_text (GtkWidget        *widget,
                 GVariant         *parameter,
                 const ColumnText *asked)
{
  McTableView *self = MC_TABLE_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  McColumn *column = lookup_column (self, id);
  Question *question;

  if (column == NULL)
    return;
  question = ask_text (self, _(asked->heading), _(asked->body), asked->get (column),
                       _(asked->apply_label), apply_column_text, id);
  question->column_edit = asked->edit;
}

static void
rename_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ask_column_text (widget, parameter, &column_label);
}

static void
set_column_unit_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ask_column_text (widget, parameter, &column_unit);
}

static void
set_column_scale_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  const char *id, *name;
  McScale scale;

  g_variant_get (parameter, "(&s&s)", &id, &name);
  if (mc_scale_from_string (name, &scale))
    mc_table_edit_apply (MC_TABLE_VIEW (widget), mc_edit_new_set_column_scale (id, scale));
}

static void
set_column_type_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  McTableView *self = MC_TABLE_VIEW (widget);
  const char *id, *name;
  McColumnType type;
  McColumn *column;
  g_autoptr(GError) error = NULL;
  McColumn *converted;

  g_variant_get (parameter, "(&s&s)", &id, &name);
  column = lookup_column (self, id);
  if (column == NULL || !mc_column_type_from_string (name, &type)
      || mc_column_get_column_type (column) == type)
    return;
  converted = mc_column_convert (column, type, &error);
  if (converted == NULL)
    {
      mc_table_view_report_error (self, _("Could Not Change the Column’s Type"), error->message);
      return;
    }
  /* Translators: an action to undo or redo, as in “Undo Change Column Type” */
  mc_table_edit_apply (self, mc_edit_new_replace_column (converted, _("Change Column Type")));
}

static void
move_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  McTableView *self = MC_TABLE_VIEW (widget);
  const char *id;
  int delta, index;

  g_variant_get (parameter, "(&si)", &id, &delta);
  index = self->dataset ? mc_dataset_get_column_index (self->dataset, id) : -1;
  if (index < 0 || index + delta < 0
      || index + delta >= (int) mc_dataset_get_n_columns (self->dataset))
    return;
  mc_table_edit_apply (self, mc_edit_new_move_column (id, index + delta));
}

static void
delete_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  mc_table_edit_apply (MC_TABLE_VIEW (widget),
                       mc_edit_new_remove_column (g_variant_get_string (parameter, NULL)));
}

/* A new column: its name, and its type from a chooser. */

static const struct
{
  const char *name;
  const char *label;
} column_types[] = {
  /* Translators: the types of a column */
  { "number", NC_("column type", "Numbers") },
  { "string", NC_("column type", "Text") },
  { "date", NC_("column type", "Dates") },
  { "boolean", NC_("column type", "True or False") },
};

static const char *
column_type_label (guint index)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "column type", column_types[index].label);
}

static GtkWidget *
type_chooser_new (void)
{
  const char *labels[G_N_ELEMENTS (column_types) + 1] = { NULL };
  GtkWidget *chooser;

  for (guint i = 0; i < G_N_ELEMENTS (column_types); i++)
    labels[i] = column_type_label (i);
  chooser = gtk_drop_down_new_from_strings (labels);

  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Type"), -1);
  return chooser;
}

/* An id from the name: letters, digits and "_", lower case, unique. */
static char *
new_column_id (McDataset  *dataset,
               const char *name)
{
  g_autofree char *down = g_utf8_strdown (name, -1);
  GString *id = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = down; *p != '\0'; p++)
    g_string_append_c (id, g_ascii_isalnum (*p) ? *p : '_');
  if (id->len == 0)
    g_string_append (id, "column");
  base = g_strdup (id->str);
  for (guint n = 2; mc_dataset_get_column_index (dataset, id->str) >= 0; n++)
    g_string_printf (id, "%s_%u", base, n);
  return g_string_free (id, FALSE);
}

static void
add_column (McTableView *self,
            const char  *text,
            gpointer     data)
{
  Question *question = data;
  guint chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (question->types));
  int index = question->data ? mc_dataset_get_column_index (self->dataset, question->data) : -1;
  g_autofree char *id = NULL;
  McColumnType type = MC_COLUMN_NUMBER;

  if (self->dataset == NULL || *text == '\0')
    return;
  id = new_column_id (self->dataset, text);
  mc_column_type_from_string (column_types[MIN (chosen, G_N_ELEMENTS (column_types) - 1)].name,
                              &type);
  /* After the column it was asked from, else at the end. */
  mc_table_edit_apply (self, mc_edit_new_insert_column (index >= 0 ? (guint) index + 1
                                                        : mc_dataset_get_n_columns (self->dataset),
                                                        id, text, type));
}

static void
ask_new_column (McTableView *self,
                const char  *after)
{
  Question *question = ask_text (self, _("Add Column"), _("Its name, and what it holds"), NULL,
                                 _("_Add"), add_column, after);
  GtkWidget *box = gtk_widget_get_parent (question->entry);

  question->types = type_chooser_new ();
  gtk_box_append (GTK_BOX (box), question->types);
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ask_new_column (MC_TABLE_VIEW (widget), NULL);
}

static void
insert_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ask_new_column (MC_TABLE_VIEW (widget), g_variant_get_string (parameter, NULL));
}

/* The header menu of a column */

static GMenuModel *
type_menu_new (const char *id)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (column_types); i++)
    add_menu_item (menu, column_type_label (i), "table.set-column-type",
                   g_variant_new ("(ss)", id, column_types[i].name));
  return G_MENU_MODEL (menu);
}

static GMenuModel *
scale_menu_new (const char *id)
{
  static const McScale scales[] = {
    MC_SCALE_NONE, MC_SCALE_THOUSAND, MC_SCALE_MILLION, MC_SCALE_BILLION, MC_SCALE_TRILLION,
  };
  const char * const labels[] = {
    /* Translators: the scales of a column's numbers */
    C_("scale", "Units"), C_("scale", "Thousands"), C_("scale", "Millions"),
    C_("scale", "Billions"), C_("scale", "Trillions"),
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    add_menu_item (menu, labels[i], "table.set-column-scale",
                     g_variant_new ("(ss)", id, mc_scale_to_string (scales[i])));
  return G_MENU_MODEL (menu);
}

GMenuModel *
mc_table_edit_column_menu (McTableView *self,
                           McColumn    *column)
{
  const char *id = mc_column_get_id (column);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) names = g_menu_new ();
  g_autoptr(GMenu) places = g_menu_new ();
  g_autoptr(GMenuModel) types = type_menu_new (id);
  g_autoptr(GMenuModel) scales = scale_menu_new (id);

  add_menu_item (names, _("_Rename…"), "table.rename-column", g_variant_new_string (id));
  g_menu_append_submenu (names, _("_Type"), types);
  add_menu_item (names, _("_Unit…"), "table.set-column-unit", g_variant_new_string (id));
  if (mc_column_get_column_type (column) == MC_COLUMN_NUMBER)
    g_menu_append_submenu (names, _("_Scale"), scales);
  add_menu_item (places, _("_Add Column After…"), "table.insert-column",
                   g_variant_new_string (id));
  add_menu_item (places, _("Move _Left"), "table.move-column", g_variant_new ("(si)", id, -1));
  add_menu_item (places, _("Move _Right"), "table.move-column", g_variant_new ("(si)", id, 1));
  add_menu_item (places, _("_Delete Column"), "table.delete-column", g_variant_new_string (id));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (names));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (places));
  return G_MENU_MODEL (menu);
}

void
mc_table_edit_class_init (GtkWidgetClass *widget_class)
{
  static const struct
  {
    const char *name;
    const char *type;
    GtkWidgetActionActivateFunc activate;
  } actions[] = {
    { "table.edit-cell", "(us)", edit_cell_action },
    { "table.clear-cell", "(us)", clear_cell_action },
    { "table.toggle-estimate", "(us)", toggle_estimate_action },
    { "table.edit-note", "(us)", edit_note_action },
    { "table.paste-cells", "(us)", paste_cells_action },
    { "table.add-row", NULL, add_row_action },
    { "table.insert-row", "(ui)", insert_row_action },
    { "table.move-row", "(ui)", move_row_action },
    { "table.delete-row", "u", delete_row_action },
    { "table.add-column", NULL, add_column_action },
    { "table.insert-column", "s", insert_column_action },
    { "table.rename-column", "s", rename_column_action },
    { "table.set-column-type", "(ss)", set_column_type_action },
    { "table.set-column-unit", "s", set_column_unit_action },
    { "table.set-column-scale", "(ss)", set_column_scale_action },
    { "table.move-column", "(si)", move_column_action },
    { "table.delete-column", "s", delete_column_action },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].type,
                                     actions[i].activate);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, paste_shortcut, NULL);
}
