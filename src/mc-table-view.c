/* mc-table-view.c: the rows and columns of a dataset as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-table-view-private.h"

#include <glib/gi18n.h>

#include "mc-format.h"

/* The column view lists objects, so each row of the dataset is wrapped in a
 * tiny object that knows its index. The list of rows makes them on demand:
 * a dataset may have millions of rows, the view shows a few dozen. Both
 * types are private to this file. */
#define MC_TYPE_TABLE_ROW (mc_table_row_get_type ())
G_DECLARE_FINAL_TYPE (McTableRow, mc_table_row, MC, TABLE_ROW, GObject)

struct _McTableRow
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (McTableRow, mc_table_row, G_TYPE_OBJECT)

static void
mc_table_row_class_init (McTableRowClass *klass)
{
}

static void
mc_table_row_init (McTableRow *self)
{
}

#define MC_TYPE_TABLE_ROWS (mc_table_rows_get_type ())
G_DECLARE_FINAL_TYPE (McTableRows, mc_table_rows, MC, TABLE_ROWS, GObject)

struct _McTableRows
{
  GObject parent_instance;
  guint   n_rows;
};

static GType
mc_table_rows_get_item_type (GListModel *model)
{
  return MC_TYPE_TABLE_ROW;
}

static guint
mc_table_rows_get_n_items (GListModel *model)
{
  return MC_TABLE_ROWS (model)->n_rows;
}

static gpointer
mc_table_rows_get_item (GListModel *model,
                        guint       position)
{
  McTableRow *row;

  if (position >= MC_TABLE_ROWS (model)->n_rows)
    return NULL;

  row = g_object_new (MC_TYPE_TABLE_ROW, NULL);
  row->index = position;

  return row;
}

static void
mc_table_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mc_table_rows_get_item_type;
  iface->get_n_items = mc_table_rows_get_n_items;
  iface->get_item = mc_table_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (McTableRows, mc_table_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      mc_table_rows_list_model_init))

static void
mc_table_rows_class_init (McTableRowsClass *klass)
{
}

static void
mc_table_rows_init (McTableRows *self)
{
}

static GListModel *
mc_table_rows_new (guint n_rows)
{
  McTableRows *rows = g_object_new (MC_TYPE_TABLE_ROWS, NULL);

  rows->n_rows = n_rows;

  return G_LIST_MODEL (rows);
}

/* Rows @removed rows from @position were replaced by @added rows. */
static void
mc_table_rows_changed (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added)
{
  McTableRows *rows = MC_TABLE_ROWS (model);

  rows->n_rows = rows->n_rows - removed + added;
  g_list_model_items_changed (model, position, removed, added);
}

G_DEFINE_FINAL_TYPE (McTableView, mc_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Texts longer than this wrap onto more lines. */
#define WRAP_CHARS 20
/* Enough rows to judge how wide a column's texts are. */
#define SAMPLE_ROWS 10000

static gboolean
is_numeric (const McColumn *column)
{
  return mc_column_get_column_type (column) == MC_COLUMN_NUMBER;
}

static gboolean
column_has_estimates (const McColumn *column)
{
  guint n_rows = mc_column_get_n_rows (column);

  if (!mc_column_has_annotations (column))
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      if (mc_column_is_estimate (column, i))
        return TRUE;
    }

  return FALSE;
}

/* A text column with a text longer than WRAP_CHARS wraps its texts at
 * that width; the cells' minimum width is that same width: were the column
 * view to squeeze the column, wrapped rows would grow taller than it
 * measured them. 0: no wrapping needed. */
static int
column_wrap_chars (const McColumn *column)
{
  guint n_rows = MIN (mc_column_get_n_rows (column), SAMPLE_ROWS);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *text = mc_format_cell (column, i);

      if (g_utf8_strlen (text, -1) > WRAP_CHARS)
        return WRAP_CHARS;
    }

  return 0;
}

/* Decimals, estimates and text widths, from the values: again after an
 * edit of the column. Returns whether they changed. */
static gboolean
mc_table_column_measure (McTableColumn *table_column)
{
  McColumn *column = table_column->column;
  McTableColumn before = *table_column;

  if (is_numeric (column))
    {
      table_column->decimals = mc_format_column_decimals (column);
      table_column->has_estimates = column_has_estimates (column);
    }
  else
    {
      table_column->wrap_chars = column_wrap_chars (column);
    }

  return before.decimals != table_column->decimals
         || before.has_estimates != table_column->has_estimates
         || before.wrap_chars != table_column->wrap_chars;
}

static McTableColumn *
mc_table_column_new (McTableView *view,
                     McColumn    *column)
{
  McTableColumn *table_column = g_new0 (McTableColumn, 1);

  table_column->view = view;
  table_column->column = column;
  mc_table_column_measure (table_column);

  return table_column;
}

/* The header carries the unit, so numbers go without it, as their source
 * wrote them ("32", "4.5"), or where it does not say with the same
 * decimals down the column so that the digits line up; their estimates
 * get the separate mark. Other cells read as everywhere else in the app. */
static char *
format_value (const McTableColumn *table_column,
              guint                row)
{
  const McColumn *column = table_column->column;

  if (is_numeric (column) && !mc_column_is_missing (column, row))
    return mc_format_amount (column, mc_column_get_value (column, row),
                             mc_format_row_decimals (column, row, table_column->decimals));

  return mc_format_cell (column, row);
}

/* "Estimate" next to the "(Est.)" mark says the same thing twice. */
static gboolean
note_is_redundant (const char *note,
                   gboolean    estimate)
{
  static const char * const estimate_words[] = { "estimate", "estimated", "est.", "est" };

  if (!estimate)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (estimate_words); i++)
    {
      if (g_ascii_strcasecmp (note, estimate_words[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
create_label (float       xalign,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A cell is a line with the value and, in columns with estimates, the
 * "(Est.)" mark, which every row of such a column lays out (shown or not)
 * so that the digits stay aligned; below it the cell's note in small dim
 * text, so that notes are read without hovering. */
static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  const McTableColumn *table_column = user_data;
  gboolean numeric = is_numeric (table_column->column);
  float xalign = numeric ? 1.0f : 0.0f;
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *value = create_label (xalign, "cell-value");
  GtkWidget *mark = create_label (0.0f, "estimate-mark");
  GtkWidget *note = create_label (xalign, "cell-note");

  gtk_widget_set_hexpand (value, TRUE);
  if (numeric)
    {
      gtk_widget_add_css_class (value, "numeric");
    }
  else if (table_column->wrap_chars > 0)
    {
      /* Long texts wrap rather than push the other columns out of view. */
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (value), table_column->wrap_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (value), table_column->wrap_chars);
    }

  /* Translators: the mark after an estimated value in a table */
  gtk_label_set_label (GTK_LABEL (mark), _("(Est.)"));
  gtk_widget_add_css_class (mark, "dim-label");
  gtk_widget_set_margin_start (mark, 6);
  gtk_widget_set_visible (mark, table_column->has_estimates);

  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_visible (note, FALSE);

  gtk_box_append (GTK_BOX (line), value);
  gtk_box_append (GTK_BOX (line), mark);
  gtk_box_append (GTK_BOX (cell), line);
  gtk_box_append (GTK_BOX (cell), note);
  gtk_list_item_set_child (item, cell);
  gtk_list_item_set_activatable (item, FALSE);
  mc_table_edit_setup_cell (table_column->view, cell, (McTableColumn *) table_column);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    enabled)
{
  if (enabled)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  const McTableColumn *table_column = user_data;
  const McColumn *column = table_column->column;
  McTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  GtkWidget *line = gtk_widget_get_first_child (cell);
  GtkWidget *value = gtk_widget_get_first_child (line);
  GtkWidget *mark = gtk_widget_get_last_child (line);
  GtkWidget *note = gtk_widget_get_last_child (cell);
  gboolean estimate = mc_column_is_estimate (column, row->index);
  const char *note_text = mc_column_get_note (column, row->index);
  g_autofree char *text = format_value (table_column, row->index);
  gboolean show_note;

  g_object_set_data (G_OBJECT (cell), "mc-row", GUINT_TO_POINTER (row->index));
  gtk_widget_set_visible (mark, table_column->has_estimates);
  gtk_label_set_label (GTK_LABEL (value), text);
  set_css_class (value, "estimate", estimate);
  set_css_class (value, "missing", mc_column_is_missing (column, row->index));
  gtk_widget_set_child_visible (mark, estimate && table_column->has_estimates);

  show_note = note_text != NULL && !note_is_redundant (note_text, estimate);
  gtk_label_set_label (GTK_LABEL (note), show_note ? note_text : NULL);
  gtk_widget_set_visible (note, show_note);
}

/* Headers longer than this break onto more lines. */
#define TITLE_WRAP_CHARS 16

/* Breaks a long header into lines of about @width characters, since the
 * column view does not wrap its titles. */
static char *
wrap_title (const char *title,
            guint       width)
{
  g_auto(GStrv) words = g_strsplit (title, " ", -1);
  g_autoptr(GString) wrapped = g_string_new (NULL);
  guint line_length = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint length = g_utf8_strlen (words[i], -1);

      if (i > 0 && line_length + 1 + length > width)
        {
          g_string_append_c (wrapped, '\n');
          line_length = 0;
        }
      else if (i > 0)
        {
          g_string_append_c (wrapped, ' ');
          line_length++;
        }

      g_string_append (wrapped, words[i]);
      line_length += length;
    }

  return g_string_free (g_steal_pointer (&wrapped), FALSE);
}

static char *
dup_column_title (const McColumn *column)
{
  g_autofree char *unit = mc_format_unit (column);
  g_autofree char *unbroken_unit = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) unit_words = NULL;
  const char *label = mc_column_get_label (column);

  if (label == NULL || label[0] == '\0')
    label = mc_column_get_id (column);

  if (unit == NULL || unit[0] == '\0')
    return wrap_title (label, TITLE_WRAP_CHARS);

  /* The unit stays on one line: join its words with no-break spaces. */
  unit_words = g_strsplit (unit, " ", -1);
  unbroken_unit = g_strjoinv ("\xc2\xa0", unit_words);

  /* Translators: a table column header: the column's label and its unit,
   * e.g. "Revenue (USD bn)" */
  title = g_strdup_printf (_("%s (%s)"), label, unbroken_unit);

  return wrap_title (title, TITLE_WRAP_CHARS);
}

guint
mc_table_view_cell_row (GtkWidget *cell)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "mc-row"));
}

/* The table view keeps the column's McTableColumn: its factory only
 * points at it. */
static GtkColumnViewColumn *
create_column (McTableView *self,
               McColumn    *column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *title = dup_column_title (column);
  McTableColumn *table_column = mc_table_column_new (self, column);
  GtkColumnViewColumn *view_column;

  g_ptr_array_add (self->columns, table_column);
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), table_column);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), table_column);

  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (self->document != NULL)
    {
      g_autoptr(GMenuModel) menu = mc_table_edit_column_menu (self, column);

      gtk_column_view_column_set_header_menu (view_column, menu);
    }

  return view_column;
}

static void
remove_columns (McTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  g_ptr_array_set_size (self->columns, 0);
}

/* The factories point at the dataset's columns: the old columns must go
 * before the dataset that owns them is released. */
static void
mc_table_view_rebuild (McTableView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->rows);
  remove_columns (self);

  if (self->dataset == NULL)
    return;

  for (guint i = 0; i < mc_dataset_get_n_columns (self->dataset); i++)
    {
      McColumn *column = mc_dataset_get_column (self->dataset, i);
      g_autoptr(GtkColumnViewColumn) view_column = create_column (self, column);

      gtk_column_view_append_column (self->column_view, view_column);
    }

  self->rows = mc_table_rows_new (mc_dataset_get_n_rows (self->dataset));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, selection);
}

/* Following the document: one row for an edited cell, the rows inserted
 * or removed, the whole table for new columns or data. */

static McTableColumn *
find_table_column (McTableView *self,
                   int          index)
{
  McColumn *column;

  if (index < 0 || (guint) index >= mc_dataset_get_n_columns (self->dataset))
    return NULL;
  column = mc_dataset_get_column (self->dataset, index);
  for (guint i = 0; i < self->columns->len; i++)
    {
      McTableColumn *table_column = g_ptr_array_index (self->columns, i);

      if (table_column->column == column)
        return table_column;
    }
  return NULL;
}

static void
update_cells (McTableView    *self,
              const McChange *change)
{
  McTableColumn *table_column = find_table_column (self, change->column);
  guint n_rows = mc_dataset_get_n_rows (self->dataset);
  gboolean remeasured = FALSE;

  /* The column's decimals or its estimates' marks may have changed:
   * then all its rows are drawn again. */
  if (table_column != NULL)
    remeasured = mc_table_column_measure (table_column);
  else
    for (guint i = 0; i < self->columns->len; i++)
      remeasured |= mc_table_column_measure (g_ptr_array_index (self->columns, i));
  if (remeasured)
    g_list_model_items_changed (self->rows, 0, n_rows, n_rows);
  else if (change->row < n_rows)
    g_list_model_items_changed (self->rows, change->row, MIN (change->n_rows, n_rows - change->row),
                                MIN (change->n_rows, n_rows - change->row));
}

static void
on_document_changed_cb (McTableView    *self,
                        const McChange *change,
                        McDocument     *document)
{
  McDataset *dataset = mc_document_get_dataset (document);

  if (dataset != self->dataset || self->rows == NULL)
    {
      mc_table_view_set_dataset (self, dataset);
      return;
    }
  switch (change->what)
    {
    case MC_CHANGE_CELLS:
      update_cells (self, change);
      break;
    case MC_CHANGE_ROWS_INSERTED:
      mc_table_rows_changed (self->rows, change->row, 0, change->n_rows);
      break;
    case MC_CHANGE_ROWS_REMOVED:
      mc_table_rows_changed (self->rows, change->row, change->n_rows, 0);
      break;
    case MC_CHANGE_CHARTS:
    case MC_CHANGE_METADATA:
      break;
    case MC_CHANGE_COLUMNS:
    case MC_CHANGE_ALL:
    default:
      mc_table_view_rebuild (self);
      break;
    }
}

static void
mc_table_view_dispose (GObject *object)
{
  McTableView *self = MC_TABLE_VIEW (object);
  GtkWidget *child;

  mc_table_view_set_document (self, NULL);
  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      remove_columns (self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_TABLE_VIEW);
  /* The box that holds everything is not a bound child: unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rows);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->focus_column, g_free);

  G_OBJECT_CLASS (mc_table_view_parent_class)->dispose (object);
}

static void
mc_table_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  McTableView *self = MC_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, mc_table_view_get_dataset (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, mc_table_view_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_table_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  McTableView *self = MC_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      mc_table_view_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      mc_table_view_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_table_view_class_init (McTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_table_view_dispose;
  object_class->get_property = mc_table_view_get_property;
  object_class->set_property = mc_table_view_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         MC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MC_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An edit was refused: a heading and the reason, for a toast. */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mc-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, McTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, McTableView, scroller);
  gtk_widget_class_bind_template_child (widget_class, McTableView, toolbar);
  mc_table_edit_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tableview");
}

static void
mc_table_view_init (McTableView *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->toolbar, FALSE);
}

GtkWidget *
mc_table_view_new (void)
{
  return g_object_new (MC_TYPE_TABLE_VIEW, NULL);
}

McDataset *
mc_table_view_get_dataset (McTableView *self)
{
  g_return_val_if_fail (MC_IS_TABLE_VIEW (self), NULL);

  return self->dataset;
}

void
mc_table_view_set_dataset (McTableView *self,
                           McDataset   *dataset)
{
  g_autoptr(McDataset) old = NULL;

  g_return_if_fail (MC_IS_TABLE_VIEW (self));
  g_return_if_fail (dataset == NULL || MC_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  /* Keep the old dataset alive until its columns are gone. */
  old = g_steal_pointer (&self->dataset);
  self->dataset = dataset != NULL ? g_object_ref (dataset) : NULL;
  mc_table_view_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

McDocument *
mc_table_view_get_document (McTableView *self)
{
  g_return_val_if_fail (MC_IS_TABLE_VIEW (self), NULL);

  return self->document;
}

/**
 * mc_table_view_set_document:
 * @self: a table view
 * @document: (nullable): the document to show and edit; %NULL for none
 *
 * Shows the document's dataset, follows its changes, and makes its cells,
 * rows and columns editable through edits of it.
 */
void
mc_table_view_set_document (McTableView *self,
                            McDocument  *document)
{
  g_return_if_fail (MC_IS_TABLE_VIEW (self));
  g_return_if_fail (document == NULL || MC_IS_DOCUMENT (document));

  if (!mc_document_follow (&self->document, document, G_CALLBACK (on_document_changed_cb),
                           self))
    return;
  gtk_widget_set_visible (self->toolbar, document != NULL);
  /* The header menus come with the columns, made again. */
  g_clear_object (&self->dataset);
  mc_table_view_set_dataset (self, document ? mc_document_get_dataset (document) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
mc_table_view_report_error (McTableView *self,
                            const char  *heading,
                            const char  *message)
{
  g_signal_emit (self, signals[ERROR], 0, heading, message);
}
