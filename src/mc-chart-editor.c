/* mc-chart-editor.c: the pane that shapes the chart on screen
 *
 * The rows are made from the options the chart's kind takes, one kind
 * of row per type of option, so that a kind or an option added later
 * has its rows without a change here. Every change is an edit of the
 * document; the rows then follow the chart's spec as the document has
 * it, also after an undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-chart-editor.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "mc-annotation.h"
#include "mc-cell-input.h"
#include "mc-default-chart.h"
#include "mc-format.h"
#include "mc-theme.h"
#include "mc-writer.h"

struct _McChartEditor
{
  GtkWidget      parent_instance;

  McDocument    *document;
  McChartModel  *model;       /* nullable: the chart cannot be drawn */
  char          *chart_id;
  char          *layout;      /* what the rows were made for */
  char          *error;
  GHashTable    *rows;        /* key → row widget */
  GPtrArray     *built;       /* the groups made for the chart's kind */
  gboolean       syncing;     /* widgets follow the spec: not an edit */
  guint          rebuild_id;

  GtkRevealer   *error_revealer;
  GtkLabel      *error_label;
  GtkBox        *groups;
};

G_DEFINE_FINAL_TYPE (McChartEditor, mc_chart_editor, GTK_TYPE_WIDGET)

enum {
  CHART_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Title and subtitle are fields of a spec, edited as its options are. */
static const McOptionInfo title_info = {
  "title", MC_OPTION_TEXT, 0, N_("the chart’s title"), NULL, NULL, NULL, N_("Title"), NULL
};
static const McOptionInfo subtitle_info = {
  "subtitle", MC_OPTION_TEXT, 0, N_("a line under the title"), NULL, NULL, NULL,
  N_("Subtitle"), NULL
};

static void mc_chart_editor_sync (McChartEditor *self);

/* The chart and its edits */

static McDataset *
get_dataset (McChartEditor *self)
{
  return self->document != NULL ? mc_document_get_dataset (self->document) : NULL;
}

static const McChartSpec *
get_spec (McChartEditor *self)
{
  McDataset *dataset = get_dataset (self);

  return dataset != NULL ? mc_dataset_lookup_chart (dataset, self->chart_id) : NULL;
}

static void
show_error (McChartEditor *self,
            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Applies @edit (transfer full); a refused edit says why, and the rows
 * go back to what the spec says. */
static gboolean
apply_edit (McChartEditor *self,
            McEdit        *edit,
            gboolean       merge)
{
  g_autoptr(McEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  gboolean applied;

  applied = merge ? mc_document_apply_merged (self->document, edit, &error)
                  : mc_document_apply (self->document, edit, &error);
  show_error (self, applied ? NULL : error->message);
  if (!applied)
    mc_chart_editor_sync (self);
  return applied;
}

static char *
change_label (const McOptionInfo *info)
{
  g_autofree char *name = mc_chart_option_get_label (info);

  /* Translators: an action to undo or redo, as in “Undo Title Change”;
   * %s is what was changed: “Title”, “Stacked”, “Legend” */
  return g_strdup_printf (_("%s Change"), name);
}

static gboolean
set_option (McChartEditor      *self,
            const McOptionInfo *info,
            GVariant           *value,
            gboolean            merge)
{
  g_autofree char *label = change_label (info);

  if (self->syncing || self->chart_id == NULL)
    {
      if (value != NULL)
        g_variant_unref (g_variant_ref_sink (value));
      return FALSE;
    }
  return apply_edit (self, mc_edit_new_set_chart_option (self->chart_id, info->key, value,
                                                         label), merge);
}

static const McOptionInfo *
row_option (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "mc-option");
}

static GtkWidget *
find_row (McChartEditor *self,
          const char    *key)
{
  return self->rows != NULL ? g_hash_table_lookup (self->rows, key) : NULL;
}

/* Texts: title, subtitle, footnote, source… Typing is one step. */

static void
on_text_changed_cb (AdwEntryRow   *row,
                    McChartEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  set_option (self, row_option (GTK_WIDGET (row)),
              *text != '\0' ? g_variant_new_string (text) : NULL, TRUE);
}

static GtkWidget *
entry_row_new (const McOptionInfo *info)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *title = mc_chart_option_get_label (info);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Ctrl+Z undoes the document's steps, not the entry's. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  return row;
}

static GtkWidget *
text_row_new (McChartEditor      *self,
              const McOptionInfo *info)
{
  GtkWidget *row = entry_row_new (info);

  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed_cb), self);
  return row;
}

static void
text_row_sync (GtkWidget         *row,
               const McChartSpec *spec)
{
  const char *key = row_option (row)->key;
  const char *text = g_str_equal (key, "title") ? spec->title
                     : g_str_equal (key, "subtitle") ? spec->subtitle
                     : mc_chart_spec_get_string (spec, key);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Numbers: applied with the row's button or Enter; empty for none. */

static void
on_number_apply_cb (AdwEntryRow   *row,
                    McChartEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const McOptionInfo *info = row_option (GTK_WIDGET (row));
  g_autofree char *message = NULL;
  double value;

  if (*text == '\0')
    {
      set_option (self, info, NULL, FALSE);
      return;
    }
  if (mc_cell_input_read_number (text, &value))
    {
      set_option (self, info, g_variant_new_double (value), FALSE);
      return;
    }
  /* Translators: a chart option that takes a number, and what was typed */
  message = g_strdup_printf (_("“%s” is not a number"), text);
  show_error (self, message);
}

static GtkWidget *
number_row_new (McChartEditor      *self,
                const McOptionInfo *info)
{
  GtkWidget *row = entry_row_new (info);

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Leave empty to fit the data"));
  g_signal_connect (row, "apply", G_CALLBACK (on_number_apply_cb), self);
  return row;
}

static void
number_row_sync (GtkWidget         *row,
                 const McChartSpec *spec)
{
  double value = mc_chart_spec_get_number (spec, row_option (row)->key);
  g_autofree char *text = NULL;

  if (!isnan (value))
    text = mc_format_number (value, mc_format_value_decimals (value, 6));
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Switches */

static void
on_switch_active_cb (GtkSwitch     *toggle,
                     GParamSpec    *pspec,
                     McChartEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (toggle), "mc-row");

  set_option (self, row_option (row), g_variant_new_boolean (gtk_switch_get_active (toggle)),
              FALSE);
}

static GtkWidget *
boolean_row_new (McChartEditor      *self,
                 const McOptionInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *title = mc_chart_option_get_label (info);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set_data (G_OBJECT (row), "mc-switch", toggle);
  g_object_set_data (G_OBJECT (toggle), "mc-row", row);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_switch_active_cb), self);
  return row;
}

static void
boolean_row_sync (GtkWidget         *row,
                  const McChartSpec *spec)
{
  gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "mc-switch"),
                         mc_chart_spec_get_flag (spec, row_option (row)));
}

/* Choosers: a column, a choice, a kind. The row keeps the value of each
 * item ("mc-values"); NULL stands for "Automatic". */

static GtkWidget *
combo_row_new (const char *title,
               GPtrArray  *labels,
               GPtrArray  *values)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (labels, i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  g_object_set_data_full (G_OBJECT (row), "mc-values", g_ptr_array_ref (values),
                          (GDestroyNotify) g_ptr_array_unref);
  return row;
}

static const char *
combo_row_get_value (GtkWidget *row)
{
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "mc-values");
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return selected < values->len ? g_ptr_array_index (values, selected) : NULL;
}

static void
combo_row_set_value (GtkWidget  *row,
                     const char *value)
{
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "mc-values");

  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }
}

static void
on_choice_selected_cb (AdwComboRow   *row,
                       GParamSpec    *pspec,
                       McChartEditor *self)
{
  const char *value = combo_row_get_value (GTK_WIDGET (row));

  set_option (self, row_option (GTK_WIDGET (row)), value ? g_variant_new_string (value) : NULL,
              FALSE);
}

static GtkWidget *
choice_row_new (McChartEditor      *self,
                const McOptionInfo *info)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree char *title = mc_chart_option_get_label (info);
  GtkWidget *row;

  for (guint i = 0; info->choices[i] != NULL; i++)
    {
      g_ptr_array_add (labels, (gpointer) mc_chart_option_get_choice_label (info, i));
      g_ptr_array_add (values, (gpointer) info->choices[i]);
    }
  row = combo_row_new (title, labels, values);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected_cb), self);
  return row;
}

static void
choice_row_sync (GtkWidget         *row,
                 const McChartSpec *spec)
{
  const McOptionInfo *info = row_option (row);
  const char *value = mc_chart_spec_get_string (spec, info->key);

  combo_row_set_value (row, value ? value : info->choices[0]);
}

static gboolean
column_fits (const McOptionInfo *info,
             McColumn           *column)
{
  return !(info->flags & MC_OPTION_NUMERIC)
         || mc_column_get_column_type (column) == MC_COLUMN_NUMBER;
}

/* The column whose values the texts of @info are ("values_of"), or NULL. */
static const char *
values_column_id (const McOptionInfo *info,
                  const McChartSpec  *spec,
                  McDataset          *dataset)
{
  if (info->values_of == NULL || spec == NULL)
    return NULL;
  if (g_str_equal (info->values_of, "x"))
    return mc_chart_spec_get_x (spec, dataset);
  return mc_chart_spec_get_string (spec, info->values_of);
}

/* The first value of column @id, as a dataset file writes it. */
static char *
first_value (McDataset  *dataset,
             const char *id)
{
  McColumn *column = id != NULL ? mc_dataset_lookup_column (dataset, id) : NULL;

  for (guint row = 0; column != NULL && row < mc_column_get_n_rows (column); row++)
    if (!mc_column_is_missing (column, row))
      return mc_writer_cell_text (column, row);
  return NULL;
}

/* A column chosen for @info, with the texts that are values of it
 * (options whose "values_of" is @info) in one step: they are left out,
 * as values of another column, unless the chart then needs them (a
 * filter needs the values of the rows it keeps), when they start with
 * the column's first value. */
static void
set_column (McChartEditor      *self,
            const McOptionInfo *info,
            const char         *id)
{
  McDataset *dataset = get_dataset (self);
  const McChartSpec *spec = get_spec (self);
  g_autofree const McOptionInfo **options = NULL;
  g_autoptr(McChartSpec) changed = NULL;
  g_autofree char *label = NULL;
  McSpecProblem problem = { NULL, -1, 0 };
  gboolean dependents = FALSE;

  if (self->syncing || spec == NULL)
    return;
  options = mc_chart_kind_list_options (mc_chart_kind_lookup (spec->type));
  for (guint i = 0; options[i] != NULL; i++)
    dependents |= g_strcmp0 (options[i]->values_of, info->key) == 0;
  if (!dependents)
    {
      set_option (self, info, id != NULL ? g_variant_new_string (id) : NULL, FALSE);
      return;
    }

  changed = mc_chart_spec_copy (spec);
  mc_chart_spec_set_option (changed, info->key, id != NULL ? g_variant_new_string (id) : NULL);
  for (guint i = 0; options[i] != NULL; i++)
    if (g_strcmp0 (options[i]->values_of, info->key) == 0)
      mc_chart_spec_set_option (changed, options[i]->key, NULL);
  /* The chart needs them when it can't be drawn without them: the fault
   * is at the column or at them. */
  if (!mc_chart_spec_check (changed, dataset, &problem, NULL) && problem.key != NULL)
    for (guint i = 0; options[i] != NULL; i++)
      if (g_strcmp0 (options[i]->values_of, info->key) == 0
          && (g_str_equal (problem.key, info->key) || g_str_equal (problem.key, options[i]->key)))
        {
          g_autofree char *value = first_value (dataset, values_column_id (options[i], changed,
                                                                           dataset));

          if (value != NULL)
            mc_chart_spec_set_strv (changed, options[i]->key, (const char *[]) { value, NULL });
        }
  label = change_label (info);
  apply_edit (self, mc_edit_new_set_chart (changed, label), FALSE);
}

static void
on_column_selected_cb (AdwComboRow   *row,
                       GParamSpec    *pspec,
                       McChartEditor *self)
{
  set_column (self, row_option (GTK_WIDGET (row)), combo_row_get_value (GTK_WIDGET (row)));
}

static GtkWidget *
column_row_new (McChartEditor      *self,
                const McOptionInfo *info)
{
  McDataset *dataset = get_dataset (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = mc_chart_option_get_label (info);
  GtkWidget *row;

  if (info->flags & MC_OPTION_CHOSEN)
    {
      /* Translators: a chart chooses this column itself */
      g_ptr_array_add (labels, (gpointer) C_("column", "Automatic"));
      g_ptr_array_add (values, NULL);
    }
  else if (!(info->flags & MC_OPTION_REQUIRED))
    {
      /* Translators: a chart goes without this column (no filter, no
       * sizes of bubbles) */
      g_ptr_array_add (labels, (gpointer) C_("column", "None"));
      g_ptr_array_add (values, NULL);
    }
  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      if (!column_fits (info, column))
        continue;
      g_ptr_array_add (labels, (gpointer) mc_column_get_label (column));
      g_ptr_array_add (values, g_strdup (mc_column_get_id (column)));
    }
  row = combo_row_new (title, labels, values);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self);
  return row;
}

static void
column_row_sync (GtkWidget         *row,
                 const McChartSpec *spec)
{
  combo_row_set_value (row, mc_chart_spec_get_string (spec, row_option (row)->key));
}

/* Lists: columns to plot, names to highlight. An expander of check
 * rows, each with its value ("mc-value"); its subtitle says which. */

static void
list_row_update_subtitle (GtkWidget *row)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "mc-checks");
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        g_string_append_printf (chosen, "%s%s", chosen->len > 0 ? ", " : "",
                                (const char *) g_object_get_data (G_OBJECT (check), "mc-label"));
    }
  /* Translators: nothing is chosen in a list of columns or names */
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), chosen->len > 0 ? chosen->str : _("None"));
}

static GVariant *
list_row_get_value (GtkWidget *row)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "mc-checks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (checks, i), "mc-value"));
  values = g_strv_builder_end (builder);
  if (values[0] == NULL && !(row_option (row)->flags & MC_OPTION_REQUIRED))
    return NULL;
  return g_variant_new_strv ((const char * const *) values, -1);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     McChartEditor  *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (check), "mc-row");

  if (self->syncing)
    return;
  list_row_update_subtitle (row);
  set_option (self, row_option (row), list_row_get_value (row), FALSE);
}

static void
list_row_add (McChartEditor *self,
              GtkWidget     *row,
              const char    *label,
              const char    *value)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "mc-checks");
  GtkWidget *item = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (item), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (check), "mc-label", g_strdup (label), g_free);
  g_object_set_data_full (G_OBJECT (check), "mc-value", g_strdup (value), g_free);
  g_object_set_data (G_OBJECT (check), "mc-row", row);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  g_ptr_array_add (checks, check);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item);
}

static GtkWidget *
list_row_new (const McOptionInfo *info)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = mc_chart_option_get_label (info);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "mc-checks", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  return row;
}

static GtkWidget *
columns_row_new (McChartEditor      *self,
                 const McOptionInfo *info)
{
  McDataset *dataset = get_dataset (self);
  GtkWidget *row = list_row_new (info);

  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      if (column_fits (info, column))
        list_row_add (self, row, mc_column_get_label (column), mc_column_get_id (column));
    }
  return row;
}

static GtkWidget *
names_row_new (McChartEditor      *self,
               const McOptionInfo *info)
{
  g_auto(GStrv) names = self->model ? mc_chart_model_list_highlight_names (self->model) : NULL;
  GtkWidget *row = list_row_new (info);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    list_row_add (self, row, names[i], names[i]);
  return row;
}

/* Texts that are values of a column (the rows a filter keeps, the steps
 * that are subtotals): its values, as many as a list can show, and
 * those the spec names that are not among them. */
#define MAX_LISTED_VALUES 200

/* The distinct values of @column as a dataset file writes them, in the
 * order of the rows, each with the row it is first in. */
static GPtrArray *
column_values (McColumn *column,
               GArray   *rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; column != NULL && r < mc_column_get_n_rows (column)
                    && values->len < MAX_LISTED_VALUES; r++)
    {
      char *value;

      if (mc_column_is_missing (column, r))
        continue;
      value = mc_writer_cell_text (column, r);
      if (g_hash_table_contains (seen, value))
        {
          g_free (value);
          continue;
        }
      g_hash_table_add (seen, value);
      g_ptr_array_add (values, value);
      if (rows != NULL)
        g_array_append_val (rows, r);
    }
  return values;
}

static McColumn *
values_column (McChartEditor      *self,
               const McOptionInfo *info,
               const McChartSpec  *spec)
{
  McDataset *dataset = get_dataset (self);
  const char *id = values_column_id (info, spec, dataset);

  return id != NULL ? mc_dataset_lookup_column (dataset, id) : NULL;
}

static GtkWidget *
texts_row_new (McChartEditor      *self,
               const McOptionInfo *info)
{
  const McChartSpec *spec = get_spec (self);
  McColumn *column = values_column (self, info, spec);
  g_autofree const char **chosen = spec != NULL ? mc_chart_spec_get_strv (spec, info->key) : NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) values = column_values (column, rows);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *row = list_row_new (info);

  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *label = mc_format_cell (column, g_array_index (rows, guint, i));

      list_row_add (self, row, label, g_ptr_array_index (values, i));
      g_hash_table_add (seen, g_ptr_array_index (values, i));
    }
  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    if (!g_hash_table_contains (seen, chosen[i]))
      {
        list_row_add (self, row, chosen[i], chosen[i]);
        g_hash_table_add (seen, (gpointer) chosen[i]);
      }
  gtk_widget_set_sensitive (row, g_hash_table_size (seen) > 0);
  return row;
}

/* One text that is a value of a column (where series are indexed to
 * 100): "Automatic", or one of its values. */
static GtkWidget *
value_row_new (McChartEditor      *self,
               const McOptionInfo *info)
{
  const McChartSpec *spec = get_spec (self);
  McColumn *column = values_column (self, info, spec);
  const char *chosen = spec != NULL ? mc_chart_spec_get_string (spec, info->key) : NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) values = column_values (column, rows);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = mc_chart_option_get_label (info);
  GtkWidget *row;

  for (guint i = 0; i < values->len; i++)
    g_ptr_array_add (labels, mc_format_cell (column, g_array_index (rows, guint, i)));
  if (chosen != NULL && !g_ptr_array_find_with_equal_func (values, chosen, g_str_equal, NULL))
    {
      g_ptr_array_add (labels, g_strdup (chosen));
      g_ptr_array_add (values, g_strdup (chosen));
    }
  /* Translators: a chart chooses this value itself */
  g_ptr_array_insert (labels, 0, g_strdup (C_("value", "Automatic")));
  g_ptr_array_insert (values, 0, NULL);
  row = combo_row_new (title, labels, values);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected_cb), self);
  return row;
}

static void
list_row_sync (GtkWidget         *row,
               const McChartSpec *spec)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "mc-checks");
  g_autofree const char **chosen = mc_chart_spec_get_strv (spec, row_option (row)->key);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      gtk_check_button_set_active (check, chosen != NULL
                                          && g_strv_contains (chosen,
                                                              g_object_get_data (G_OBJECT (check),
                                                                                 "mc-value")));
    }
  list_row_update_subtitle (row);
}

/* Colours: a palette colour for each name, or "Automatic". */

static GPtrArray *
palette_values (void)
{
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  GPtrArray *values = g_ptr_array_new ();

  g_ptr_array_add (values, NULL);
  for (guint i = 0; i < mc_theme_get_n_colors (theme); i++)
    g_ptr_array_add (values, (gpointer) mc_theme_color_get_name (i));
  g_ptr_array_add (values, (gpointer) mc_theme_color_get_name (MC_THEME_NEUTRAL));
  return values;
}

/* "● Blue" with the dot in the colour. */
static char *
color_markup (const char *name)
{
  g_autoptr(McTheme) theme = mc_theme_new (MC_THEME_LIGHT);
  g_autofree char *hex = NULL;
  McColor color;
  guint index;

  if (name == NULL || !mc_theme_color_from_name (name, &index))
    /* Translators: a series keeps the colour the chart gives it */
    return g_markup_escape_text (C_("colour", "Automatic"), -1);
  mc_theme_get_color (theme, index, MC_COLOR_ROLE_FILL, &color);
  hex = mc_color_to_string (&color);
  return g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s", hex,
                                  mc_theme_color_get_label (index));
}

static void
on_color_item_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
on_color_item_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkStringObject *name = gtk_list_item_get_item (item);
  const char *value = gtk_string_object_get_string (name);
  g_autofree char *markup = color_markup (*value != '\0' ? value : NULL);

  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
}

static GVariant *
colors_row_get_value (GtkWidget *row)
{
  GPtrArray *pickers = g_object_get_data (G_OBJECT (row), "mc-pickers");
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  gboolean any = FALSE;

  for (guint i = 0; i < pickers->len; i++)
    {
      GtkDropDown *picker = g_ptr_array_index (pickers, i);
      guint selected = gtk_drop_down_get_selected (picker);
      GPtrArray *values = g_object_get_data (G_OBJECT (row), "mc-values");

      if (selected == 0 || selected >= values->len)
        continue;
      g_variant_builder_add (builder, "{ss}", g_object_get_data (G_OBJECT (picker), "mc-name"),
                             g_ptr_array_index (values, selected));
      any = TRUE;
    }
  return any ? g_variant_builder_end (builder) : NULL;
}

static void
on_color_selected_cb (GtkDropDown   *picker,
                      GParamSpec    *pspec,
                      McChartEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (picker), "mc-row");

  set_option (self, row_option (row), colors_row_get_value (row), FALSE);
}

static GtkWidget *
color_picker_new (McChartEditor *self,
                  GtkWidget     *row,
                  const char    *name)
{
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "mc-values");
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *picker;

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);

      gtk_string_list_append (list, value != NULL ? value : "");
    }
  g_signal_connect (factory, "setup", G_CALLBACK (on_color_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_color_item_bind_cb), NULL);
  picker = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (picker), factory);
  gtk_widget_set_valign (picker, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (picker), "mc-name", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (picker), "mc-row", row);
  g_signal_connect (picker, "notify::selected", G_CALLBACK (on_color_selected_cb), self);
  return picker;
}

static GtkWidget *
colors_row_new (McChartEditor      *self,
                const McOptionInfo *info)
{
  g_auto(GStrv) names = self->model ? mc_chart_model_list_color_names (self->model) : NULL;
  GtkWidget *row = list_row_new (info);
  GPtrArray *pickers = g_ptr_array_new ();

  g_object_set_data_full (G_OBJECT (row), "mc-values", palette_values (),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (row), "mc-pickers", pickers,
                          (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GtkWidget *item = adw_action_row_new ();
      GtkWidget *picker = color_picker_new (self, row, names[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), names[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (item), picker);
      g_ptr_array_add (pickers, picker);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item);
    }
  return row;
}

static void
colors_row_sync (GtkWidget         *row,
                 const McChartSpec *spec)
{
  GPtrArray *pickers = g_object_get_data (G_OBJECT (row), "mc-pickers");
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "mc-values");
  GVariant *colors = mc_chart_spec_get_option (spec, row_option (row)->key);

  for (guint i = 0; i < pickers->len; i++)
    {
      GtkDropDown *picker = g_ptr_array_index (pickers, i);
      const char *chosen = NULL;
      guint selected = 0;

      if (colors != NULL && g_variant_is_of_type (colors, G_VARIANT_TYPE ("a{ss}")))
        g_variant_lookup (colors, g_object_get_data (G_OBJECT (picker), "mc-name"), "&s", &chosen);
      for (guint v = 1; chosen != NULL && v < values->len; v++)
        if (g_str_equal (chosen, g_ptr_array_index (values, v)))
          selected = v;
      gtk_drop_down_set_selected (picker, selected);
    }
}

/* Annotations: the label of each, which typing changes, a button that
 * removes it, and rows that add an event at an x or a reference line
 * at a value. Adding or removing one makes the rows again (see
 * describe_layout()). */

static GVariant *
spec_annotations (const McChartSpec *spec)
{
  GVariant *annotations = spec != NULL ? mc_chart_spec_get_option (spec, "annotations") : NULL;

  if (annotations == NULL || !g_variant_is_of_type (annotations, MC_ANNOTATIONS_VARIANT_TYPE))
    return NULL;
  return annotations;
}

/* "Event at 2025-02", "Reference line at 300" */
static char *
annotation_title (GVariant *annotation)
{
  g_auto(McAnnotationSpec) read = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  mc_annotation_spec_read (annotation, &read);
  from = read.from != NULL ? mc_annotation_x_to_string (read.from) : NULL;
  to = read.to != NULL ? mc_annotation_x_to_string (read.to) : NULL;
  switch (read.type)
    {
    case MC_ANNOTATION_EVENT:
      {
        g_autofree char *x = mc_annotation_x_to_string (read.x);

        /* Translators: an annotation of a chart, at an x value */
        return g_strdup_printf (_("Event at %s"), x);
      }
    case MC_ANNOTATION_CALLOUT:
      {
        g_autofree char *x = mc_annotation_x_to_string (read.x);

        /* Translators: a text pointing at the data point at an x value */
        return g_strdup_printf (_("Callout at %s"), x);
      }
    case MC_ANNOTATION_LINE:
      {
        g_autofree char *value = mc_format_number (read.value,
                                                   mc_format_value_decimals (read.value, 6));

        /* Translators: an annotation of a chart: a line at a value */
        return g_strdup_printf (_("Reference line at %s"), value);
      }
    case MC_ANNOTATION_RANGE:
      /* Translators: a shaded period of a chart: from one x to another */
      return g_strdup_printf (_("Period from %s to %s"), from, to);
    case MC_ANNOTATION_BAND:
    case MC_N_ANNOTATION_TYPES:
    default:
      /* Translators: a shaded band of values of a chart */
      return g_strdup_printf (_("Band from %s to %s"), from, to);
    }
}

/* An annotation with another label: NULL or "" for none. */
static GVariant *
annotation_with_label (GVariant   *annotation,
                       const char *label)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, annotation);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      if (!g_str_equal (key, "label"))
        g_variant_builder_add (builder, "{sv}", key, value);
      g_variant_unref (value);
    }
  if (label != NULL && *label != '\0')
    g_variant_builder_add (builder, "{sv}", "label", g_variant_new_string (label));
  return g_variant_builder_end (builder);
}

/* The annotations of the spec with annotation @index relabelled (or,
 * with @remove, left out) and @added at the end; NULL when none is
 * left. */
static GVariant *
annotations_changed (GVariant   *annotations,
                     gsize       index,
                     gboolean    remove,
                     const char *label,
                     GVariant   *added)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (MC_ANNOTATIONS_VARIANT_TYPE);
  gsize n = annotations != NULL ? g_variant_n_children (annotations) : 0;
  gboolean any = added != NULL;

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) annotation = g_variant_get_child_value (annotations, i);

      if (i == index && remove)
        continue;
      g_variant_builder_add_value (builder, i == index && label != NULL
                                            ? annotation_with_label (annotation, label)
                                            : g_variant_ref (annotation));
      any = TRUE;
    }
  if (added != NULL)
    g_variant_builder_add_value (builder, added);
  return any ? g_variant_builder_end (builder) : NULL;
}

static void
change_annotations (McChartEditor *self,
                    GtkWidget     *child,
                    gboolean       remove,
                    const char    *label,
                    GVariant      *added,
                    gboolean       merge)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (child), "mc-row");
  gsize index = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "mc-index"));

  set_option (self, row_option (row),
              annotations_changed (spec_annotations (get_spec (self)), index, remove, label,
                                   added),
              merge);
}

static void
on_annotation_label_changed_cb (AdwEntryRow   *entry,
                                McChartEditor *self)
{
  if (!self->syncing)
    change_annotations (self, GTK_WIDGET (entry), FALSE,
                        gtk_editable_get_text (GTK_EDITABLE (entry)), NULL, TRUE);
}

static void
on_annotation_remove_clicked_cb (GtkButton     *button,
                                 McChartEditor *self)
{
  change_annotations (self, GTK_WIDGET (button), TRUE, NULL, NULL, FALSE);
}

static void
on_add_event_clicked_cb (GtkButton     *button,
                         McChartEditor *self)
{
  GtkDropDown *values = g_object_get_data (G_OBJECT (button), "mc-values");
  GPtrArray *texts = g_object_get_data (G_OBJECT (values), "mc-texts");
  guint selected = gtk_drop_down_get_selected (values);
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);

  if (selected >= texts->len)
    return;
  g_variant_builder_add (builder, "{sv}", "type", g_variant_new_string ("event"));
  g_variant_builder_add (builder, "{sv}", "x",
                         g_variant_new_string (g_ptr_array_index (texts, selected)));
  /* Translators: the label a new annotation starts with */
  g_variant_builder_add (builder, "{sv}", "label", g_variant_new_string (_("Event")));
  change_annotations (self, GTK_WIDGET (button), FALSE, NULL,
                      g_variant_builder_end (builder), FALSE);
}

static void
on_add_line_apply_cb (AdwEntryRow   *entry,
                      McChartEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GVariantBuilder) builder = NULL;
  g_autofree char *message = NULL;
  double value;

  if (!mc_cell_input_read_number (text, &value))
    {
      /* Translators: what was typed as the value of a reference line */
      message = g_strdup_printf (_("“%s” is not a number"), text);
      show_error (self, message);
      return;
    }
  builder = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (builder, "{sv}", "type", g_variant_new_string ("line"));
  g_variant_builder_add (builder, "{sv}", "value", g_variant_new_double (value));
  change_annotations (self, GTK_WIDGET (entry), FALSE, NULL,
                      g_variant_builder_end (builder), FALSE);
}

static void
annotation_child_add (GtkWidget *row,
                      GtkWidget *child,
                      gsize      index)
{
  g_object_set_data (G_OBJECT (child), "mc-row", row);
  g_object_set_data (G_OBJECT (child), "mc-index", GSIZE_TO_POINTER (index));
}

static GtkWidget *
annotation_entry_new (McChartEditor *self,
                      GtkWidget     *row,
                      GVariant      *annotation,
                      gsize          index)
{
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = annotation_title (annotation);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Annotation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Annotation"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), remove);
  annotation_child_add (row, entry, index);
  annotation_child_add (row, remove, index);
  g_signal_connect (entry, "changed", G_CALLBACK (on_annotation_label_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_annotation_remove_clicked_cb), self);
  return entry;
}

/* "Add Event": a value of the x column and a button. */
static GtkWidget *
add_event_row_new (McChartEditor *self,
                   GtkWidget     *row,
                   gsize          index)
{
  const char *x_id = mc_chart_spec_get_x (get_spec (self), get_dataset (self));
  McColumn *column = x_id != NULL ? mc_dataset_lookup_column (get_dataset (self), x_id) : NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *texts = column_values (column, rows);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *item = adw_action_row_new ();
  GtkWidget *values, *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *label = mc_format_cell (column, g_array_index (rows, guint, i));

      gtk_string_list_append (labels, label);
    }
  values = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  g_object_set_data_full (G_OBJECT (values), "mc-texts", texts,
                          (GDestroyNotify) g_ptr_array_unref);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), _("Add Event At"));
  gtk_widget_set_valign (values, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (values), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date or Category of the Event"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Event"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (item), values);
  adw_action_row_add_suffix (ADW_ACTION_ROW (item), add);
  g_object_set_data (G_OBJECT (add), "mc-values", values);
  annotation_child_add (row, add, index);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_event_clicked_cb), self);
  gtk_widget_set_sensitive (item, texts->len > 0);
  return item;
}

static GtkWidget *
add_line_row_new (McChartEditor *self,
                  GtkWidget     *row,
                  gsize          index)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Add Reference Line At"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  annotation_child_add (row, entry, index);
  g_signal_connect (entry, "apply", G_CALLBACK (on_add_line_apply_cb), self);
  return entry;
}

static GtkWidget *
annotations_row_new (McChartEditor      *self,
                     const McOptionInfo *info)
{
  GVariant *annotations = spec_annotations (get_spec (self));
  gsize n = annotations != NULL ? g_variant_n_children (annotations) : 0;
  GtkWidget *row = list_row_new (info);
  GPtrArray *entries = g_ptr_array_new ();

  g_object_set_data_full (G_OBJECT (row), "mc-entries", entries,
                          (GDestroyNotify) g_ptr_array_unref);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) annotation = g_variant_get_child_value (annotations, i);
      GtkWidget *entry = annotation_entry_new (self, row, annotation, i);

      g_ptr_array_add (entries, entry);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
    }
  /* Added ones go at the end: the index is past the last. */
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add_event_row_new (self, row, n));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add_line_row_new (self, row, n));
  return row;
}

static void
annotations_row_sync (GtkWidget         *row,
                      const McChartSpec *spec)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (row), "mc-entries");
  GVariant *annotations = spec_annotations (spec);
  gsize n = annotations != NULL ? g_variant_n_children (annotations) : 0;
  g_autofree char *count = NULL;

  for (guint i = 0; i < entries->len && i < n; i++)
    {
      g_autoptr(GVariant) annotation = g_variant_get_child_value (annotations, i);
      const char *label = "";

      g_variant_lookup (annotation, "label", "&s", &label);
      if (g_strcmp0 (gtk_editable_get_text (g_ptr_array_index (entries, i)), label) != 0)
        gtk_editable_set_text (g_ptr_array_index (entries, i), label);
    }
  count = g_strdup_printf (ngettext ("%u annotation", "%u annotations", (gulong) n), (guint) n);
  /* Translators: a chart without annotations */
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), n > 0 ? count : _("None"));
}

/* What the rows of annotations are made for: their types and places. */
static void
describe_annotations (const McChartSpec *spec,
                      GString           *out)
{
  GVariant *annotations = spec_annotations (spec);

  for (gsize i = 0; annotations != NULL && i < g_variant_n_children (annotations); i++)
    {
      g_autoptr(GVariant) annotation = g_variant_get_child_value (annotations, i);
      g_autofree char *title = annotation_title (annotation);

      g_string_append_printf (out, "\n%s", title);
    }
}

/* The kind of chart: changing it fits the spec to the new kind. */

static void
on_type_selected_cb (AdwComboRow   *row,
                     GParamSpec    *pspec,
                     McChartEditor *self)
{
  const char *type = combo_row_get_value (GTK_WIDGET (row));
  const McChartSpec *spec = get_spec (self);
  g_autoptr(McChartSpec) fitted = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing || spec == NULL || g_strcmp0 (type, spec->type) == 0)
    return;
  fitted = mc_chart_spec_fit_kind (spec, type, get_dataset (self), &error);
  if (fitted == NULL)
    {
      show_error (self, error->message);
      mc_chart_editor_sync (self);
      return;
    }
  /* Translators: an action to undo or redo, as in “Undo Chart Type Change” */
  apply_edit (self, mc_edit_new_set_chart (fitted, _("Chart Type Change")), FALSE);
}

static GtkWidget *
type_row_new (McChartEditor *self)
{
  const McChartKind * const *kinds = mc_chart_kinds_get_all ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  GtkWidget *row;

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_ptr_array_add (labels, (gpointer) mc_chart_kind_get_label (kinds[i]));
      g_ptr_array_add (values, (gpointer) kinds[i]->id);
    }
  row = combo_row_new (_("Type"), labels, values);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_type_selected_cb), self);
  return row;
}

/* Making and syncing the rows */

typedef enum
{
  GROUP_TEXTS,
  GROUP_DATA,
  GROUP_LAYOUT,
  GROUP_COLORS,
  N_GROUPS
} Group;

static Group
option_group (const McOptionInfo *info)
{
  switch (info->type)
    {
    case MC_OPTION_TEXT:
      return info->values_of != NULL ? GROUP_DATA : GROUP_TEXTS;
    case MC_OPTION_COLUMN:
    case MC_OPTION_COLUMNS:
    case MC_OPTION_TEXTS:
      return GROUP_DATA;
    case MC_OPTION_COLORS:
    case MC_OPTION_NAMES:
      return GROUP_COLORS;
    case MC_OPTION_ANNOTATIONS:
      return GROUP_TEXTS;
    case MC_OPTION_BOOLEAN:
    case MC_OPTION_NUMBER:
    case MC_OPTION_CHOICE:
    default:
      return GROUP_LAYOUT;
    }
}

static GtkWidget *
option_row_new (McChartEditor      *self,
                const McOptionInfo *info)
{
  switch (info->type)
    {
    case MC_OPTION_TEXT:
      return info->values_of != NULL ? value_row_new (self, info) : text_row_new (self, info);
    case MC_OPTION_NUMBER:
      return number_row_new (self, info);
    case MC_OPTION_BOOLEAN:
      return boolean_row_new (self, info);
    case MC_OPTION_CHOICE:
      return choice_row_new (self, info);
    case MC_OPTION_COLUMN:
      return column_row_new (self, info);
    case MC_OPTION_COLUMNS:
      return columns_row_new (self, info);
    case MC_OPTION_NAMES:
      return names_row_new (self, info);
    case MC_OPTION_TEXTS:
      return texts_row_new (self, info);
    case MC_OPTION_ANNOTATIONS:
      return annotations_row_new (self, info);
    case MC_OPTION_COLORS:
    default:
      return colors_row_new (self, info);
    }
}

static void
option_row_sync (GtkWidget         *row,
                 const McChartSpec *spec)
{
  switch (row_option (row)->type)
    {
    case MC_OPTION_TEXT:
      if (row_option (row)->values_of != NULL)
        column_row_sync (row, spec);
      else
        text_row_sync (row, spec);
      break;
    case MC_OPTION_NUMBER:
      number_row_sync (row, spec);
      break;
    case MC_OPTION_BOOLEAN:
      boolean_row_sync (row, spec);
      break;
    case MC_OPTION_CHOICE:
      choice_row_sync (row, spec);
      break;
    case MC_OPTION_COLUMN:
      column_row_sync (row, spec);
      break;
    case MC_OPTION_COLUMNS:
    case MC_OPTION_NAMES:
    case MC_OPTION_TEXTS:
      list_row_sync (row, spec);
      break;
    case MC_OPTION_ANNOTATIONS:
      annotations_row_sync (row, spec);
      break;
    case MC_OPTION_COLORS:
    default:
      colors_row_sync (row, spec);
      break;
    }
}

static void
add_row (McChartEditor      *self,
         GtkWidget          *group,
         const McOptionInfo *info,
         GtkWidget          *row)
{
  if (info != NULL)
    g_object_set_data (G_OBJECT (row), "mc-option", (gpointer) info);
  g_hash_table_insert (self->rows, g_strdup (info ? info->key : "type"), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
group_new (Group group)
{
  const char *titles[N_GROUPS] = {
    NULL, _("Data"), _("Layout"), _("Colours and Highlight"),
  };
  GtkWidget *widget = adw_preferences_group_new ();

  if (titles[group] != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), titles[group]);
  return widget;
}

/* The rows of the options; type, title and subtitle stay. */
static void
clear_rows (McChartEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  /* Forgotten before they go. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (row_option (row) != &title_info && row_option (row) != &subtitle_info
        && row_option (row) != NULL)
      g_hash_table_iter_remove (&iter);
  for (guint i = 0; i < self->built->len; i++)
    gtk_box_remove (self->groups, g_ptr_array_index (self->built, i));
  g_ptr_array_set_size (self->built, 0);
}

/* Type, title and subtitle, for every kind. */
static void
build_fixed_rows (McChartEditor *self)
{
  GtkWidget *group = group_new (GROUP_TEXTS);

  add_row (self, group, NULL, type_row_new (self));
  add_row (self, group, &title_info, text_row_new (self, &title_info));
  add_row (self, group, &subtitle_info, text_row_new (self, &subtitle_info));
  gtk_box_append (self->groups, group);
}

static void
build_rows (McChartEditor     *self,
            const McChartSpec *spec)
{
  const McChartKind *kind = mc_chart_kind_lookup (spec->type);
  g_autofree const McOptionInfo **options = mc_chart_kind_list_options (kind);
  GtkWidget *groups[N_GROUPS];
  gboolean used[N_GROUPS] = { FALSE, };

  for (guint i = 0; i < N_GROUPS; i++)
    groups[i] = g_object_ref_sink (group_new (i));
  for (guint i = 0; options[i] != NULL; i++)
    {
      Group group = option_group (options[i]);

      add_row (self, groups[group], options[i], option_row_new (self, options[i]));
      used[group] = TRUE;
    }
  for (guint i = 0; i < N_GROUPS; i++)
    {
      if (used[i])
        {
          gtk_box_append (self->groups, groups[i]);
          g_ptr_array_add (self->built, groups[i]);
        }
      g_object_unref (groups[i]);
    }
}

/* What the rows depend on, beyond the values they show: the kind, the
 * columns, and the names the chart draws. */
static char *
describe_layout (McChartEditor     *self,
                 const McChartSpec *spec)
{
  McDataset *dataset = get_dataset (self);
  GString *out = g_string_new (spec->type);
  g_autofree const McOptionInfo **options = NULL;

  for (guint i = 0; i < mc_dataset_get_n_columns (dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (dataset, i);

      g_string_append_printf (out, "\n%s\t%s\t%d", mc_column_get_id (column),
                              mc_column_get_label (column), mc_column_get_column_type (column));
    }
  if (self->model != NULL)
    {
      g_auto(GStrv) colors = mc_chart_model_list_color_names (self->model);
      g_auto(GStrv) names = mc_chart_model_list_highlight_names (self->model);
      g_autofree char *joined_colors = g_strjoinv ("\t", colors);
      g_autofree char *joined_names = g_strjoinv ("\t", names);

      g_string_append_printf (out, "\n%s\n%s", joined_colors, joined_names);
    }
  /* The values texts are chosen among, which the column and its cells
   * decide. */
  options = mc_chart_kind_list_options (mc_chart_kind_lookup (spec->type));
  for (guint i = 0; options[i] != NULL; i++)
    if (options[i]->values_of != NULL)
      {
        g_autoptr(GPtrArray) values = column_values (values_column (self, options[i], spec), NULL);

        g_ptr_array_add (values, NULL);
        g_string_append_c (out, '\n');
        for (guint v = 0; g_ptr_array_index (values, v) != NULL; v++)
          g_string_append_printf (out, "%s\t", (const char *) g_ptr_array_index (values, v));
      }
  describe_annotations (spec, out);
  return g_string_free (out, FALSE);
}

static void
mc_chart_editor_sync (McChartEditor *self)
{
  const McChartSpec *spec = get_spec (self);
  GHashTableIter iter;
  gpointer key, row;

  if (spec == NULL)
    return;
  self->syncing = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    if (row_option (row) != NULL)
      option_row_sync (row, spec);
    else
      combo_row_set_value (row, spec->type);
  self->syncing = FALSE;
}

/* Rows are made again in an idle: a change may come from a row's own
 * signal (a new type), which must not take the row away while it runs. */
static gboolean
rebuild_idle_cb (gpointer user_data)
{
  McChartEditor *self = MC_CHART_EDITOR (user_data);
  const McChartSpec *spec = get_spec (self);

  self->rebuild_id = 0;
  clear_rows (self);
  if (spec != NULL)
    build_rows (self, spec);
  mc_chart_editor_sync (self);
  return G_SOURCE_REMOVE;
}

static void
mc_chart_editor_update (McChartEditor *self)
{
  const McChartSpec *spec = get_spec (self);
  g_autofree char *layout = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.duplicate-chart", spec != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-chart", spec != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-chart", spec != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.new-chart", self->document != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->groups), spec != NULL);
  layout = spec != NULL ? describe_layout (self, spec) : NULL;
  if (g_strcmp0 (layout, self->layout) != 0 && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
  g_free (self->layout);
  self->layout = g_steal_pointer (&layout);
  mc_chart_editor_sync (self);
}

/* Charts: new, duplicated, deleted, moved */

static void
add_chart (McChartEditor *self,
           McChartSpec   *spec,
           const char    *label)
{
  McDataset *dataset = get_dataset (self);
  int index = mc_dataset_get_chart_index (dataset, self->chart_id);
  g_autofree char *id = g_strdup (spec->id);

  if (apply_edit (self, mc_edit_new_add_chart (index + 1, spec, label), FALSE))
    g_signal_emit (self, signals[CHART_ADDED], 0, id);
}

static void
new_chart_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  McChartEditor *self = MC_CHART_EDITOR (widget);
  g_autoptr(McChartSpec) spec = mc_default_chart_new (get_dataset (self));

  if (spec == NULL)
    {
      show_error (self, _("A chart needs a column of numbers to plot and a column to plot "
                          "them against"));
      return;
    }
  /* Translators: an action to undo or redo, as in “Undo New Chart” */
  add_chart (self, spec, _("New Chart"));
}

/* "revenue-copy", "revenue-copy-2", … */
static char *
copy_id (McDataset  *dataset,
         const char *id)
{
  char *copy = g_strconcat (id, "-copy", NULL);

  for (guint n = 2; mc_dataset_lookup_chart (dataset, copy) != NULL; n++)
    {
      g_free (copy);
      copy = g_strdup_printf ("%s-copy-%u", id, n);
    }
  return copy;
}

static void
duplicate_chart_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  McChartEditor *self = MC_CHART_EDITOR (widget);
  const McChartSpec *spec = get_spec (self);
  g_autoptr(McChartSpec) copy = NULL;
  g_autofree char *title = NULL;

  if (spec == NULL)
    return;
  copy = mc_chart_spec_copy (spec);
  g_free (copy->id);
  copy->id = copy_id (get_dataset (self), spec->id);
  /* Translators: the title of a duplicated chart: “Revenue (copy)” */
  title = g_strdup_printf (_("%s (copy)"), spec->title ? spec->title : spec->id);
  mc_chart_spec_set_title (copy, title);
  /* Translators: an action to undo or redo, as in “Undo Duplicate Chart” */
  add_chart (self, copy, _("Duplicate Chart"));
}

static void
delete_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  McChartEditor *self = MC_CHART_EDITOR (widget);

  if (self->chart_id != NULL)
    apply_edit (self, mc_edit_new_remove_chart (self->chart_id), FALSE);
}

static void
move_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  McChartEditor *self = MC_CHART_EDITOR (widget);
  int index = mc_dataset_get_chart_index (get_dataset (self), self->chart_id);
  int to = index + g_variant_get_int32 (parameter);

  if (index < 0 || to < 0 || to >= (int) mc_dataset_get_n_charts (get_dataset (self)))
    return;
  apply_edit (self, mc_edit_new_move_chart (self->chart_id, to), FALSE);
}

/* The widget */

static void
mc_chart_editor_dispose (GObject *object)
{
  McChartEditor *self = MC_CHART_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_CHART_EDITOR);
  /* The box that holds everything is not a bound child: unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->built, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (mc_chart_editor_parent_class)->dispose (object);
}

static void
mc_chart_editor_finalize (GObject *object)
{
  McChartEditor *self = MC_CHART_EDITOR (object);

  g_free (self->chart_id);
  g_free (self->layout);
  g_free (self->error);

  G_OBJECT_CLASS (mc_chart_editor_parent_class)->finalize (object);
}

static void
mc_chart_editor_class_init (McChartEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_chart_editor_dispose;
  object_class->finalize = mc_chart_editor_finalize;

  signals[CHART_ADDED] =
    g_signal_new ("chart-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/mc-chart-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, McChartEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, McChartEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McChartEditor, groups);

  gtk_widget_class_install_action (widget_class, "editor.new-chart", NULL, new_chart_action);
  gtk_widget_class_install_action (widget_class, "editor.duplicate-chart", NULL,
                                   duplicate_chart_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-chart", NULL,
                                   delete_chart_action);
  gtk_widget_class_install_action (widget_class, "editor.move-chart", "i", move_chart_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "charteditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mc_chart_editor_init (McChartEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->built = g_ptr_array_new ();
  build_fixed_rows (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart Editor"), -1);
  mc_chart_editor_update (self);
}

GtkWidget *
mc_chart_editor_new (void)
{
  return g_object_new (MC_TYPE_CHART_EDITOR, NULL);
}

McDocument *
mc_chart_editor_get_document (McChartEditor *self)
{
  g_return_val_if_fail (MC_IS_CHART_EDITOR (self), NULL);

  return self->document;
}

const char *
mc_chart_editor_get_chart_id (McChartEditor *self)
{
  g_return_val_if_fail (MC_IS_CHART_EDITOR (self), NULL);

  return self->chart_id;
}

void
mc_chart_editor_set_chart (McChartEditor *self,
                           McDocument    *document,
                           const char    *chart_id,
                           McChartModel  *model)
{
  g_return_if_fail (MC_IS_CHART_EDITOR (self));
  g_return_if_fail (document == NULL || MC_IS_DOCUMENT (document));
  g_return_if_fail (model == NULL || MC_IS_CHART_MODEL (model));

  if (document != self->document || g_strcmp0 (chart_id, self->chart_id) != 0)
    show_error (self, NULL);
  g_set_object (&self->document, document);
  g_set_object (&self->model, model);
  g_free (self->chart_id);
  self->chart_id = g_strdup (chart_id);
  mc_chart_editor_update (self);
}

const char *
mc_chart_editor_get_error (McChartEditor *self)
{
  g_return_val_if_fail (MC_IS_CHART_EDITOR (self), NULL);

  return self->error;
}

GtkWidget *
mc_chart_editor_get_row (McChartEditor *self,
                         const char    *key)
{
  g_return_val_if_fail (MC_IS_CHART_EDITOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return find_row (self, key);
}
