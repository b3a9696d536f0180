/* mc-dataset-row.c: a dataset in the sidebar, with its title and description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-dataset-row.h"

#include <glib/gi18n.h>

#include "mc-text.h"

struct _McDatasetRow
{
  GtkWidget   parent_instance;

  McDocument *document;   /* nullable: the row shows its dataset */
  McDataset  *dataset;

  GtkWidget *box;
  GtkLabel  *description_label;
  GtkLabel  *title_label;
};

G_DEFINE_FINAL_TYPE (McDatasetRow, mc_dataset_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A dataset without a description is described by its file name. */
static char *
dup_description (McDataset *dataset)
{
  const char *description = mc_dataset_get_description (dataset);
  GFile *file = mc_dataset_get_file (dataset);

  if (description != NULL && description[0] != '\0')
    return g_strdup (description);

  if (file != NULL && !mc_dataset_get_bundled (dataset))
    return mc_text_file_name (file);

  return NULL;
}

static gboolean
is_dirty (McDatasetRow *self)
{
  return self->document != NULL && mc_document_get_dirty (self->document);
}

static void
mc_dataset_row_update (McDatasetRow *self)
{
  g_autofree char *description = NULL;
  g_autofree char *shown_title = NULL;
  g_autofree char *spoken = NULL;
  const char *title = NULL;

  if (self->dataset != NULL)
    {
      title = mc_dataset_get_title (self->dataset);
      if (title == NULL || title[0] == '\0')
        title = mc_dataset_get_id (self->dataset);
      description = dup_description (self->dataset);
    }

  /* Translators: the title of a dataset with unsaved changes */
  shown_title = is_dirty (self) ? g_strdup_printf (_("• %s"), title) : g_strdup (title);
  gtk_label_set_label (self->title_label, shown_title);
  gtk_label_set_label (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);

  /* Screen readers name the row after the dataset, not "list item". */
  spoken = is_dirty (self) && description != NULL
           /* Translators: a dataset's description, then that it has unsaved changes */
           ? g_strdup_printf (_("%s (unsaved changes)"), description)
           : is_dirty (self) ? g_strdup (_("Unsaved changes")) : g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken != NULL ? spoken : "",
                                  -1);
}

/* Edited or reloaded: the dataset and its title may be new. */
static void
on_document_changed_cb (McDatasetRow *self)
{
  mc_dataset_row_set_dataset (self, mc_document_get_dataset (self->document));
  mc_dataset_row_update (self);
}

static void
mc_dataset_row_dispose (GObject *object)
{
  McDatasetRow *self = MC_DATASET_ROW (object);

  mc_dataset_row_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_DATASET_ROW);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (mc_dataset_row_parent_class)->dispose (object);
}

static void
mc_dataset_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  McDatasetRow *self = MC_DATASET_ROW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, mc_dataset_row_get_dataset (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_dataset_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  McDatasetRow *self = MC_DATASET_ROW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      mc_dataset_row_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      mc_dataset_row_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_dataset_row_class_init (McDatasetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_dataset_row_dispose;
  object_class->get_property = mc_dataset_row_get_property;
  object_class->set_property = mc_dataset_row_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         MC_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MC_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mc-dataset-row.ui");
  gtk_widget_class_bind_template_child (widget_class, McDatasetRow, box);
  gtk_widget_class_bind_template_child (widget_class, McDatasetRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, McDatasetRow, title_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datasetrow");
}

static void
mc_dataset_row_init (McDatasetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mc_dataset_row_new (void)
{
  return g_object_new (MC_TYPE_DATASET_ROW, NULL);
}

McDataset *
mc_dataset_row_get_dataset (McDatasetRow *self)
{
  g_return_val_if_fail (MC_IS_DATASET_ROW (self), NULL);

  return self->dataset;
}

void
mc_dataset_row_set_dataset (McDatasetRow *self,
                            McDataset    *dataset)
{
  g_return_if_fail (MC_IS_DATASET_ROW (self));
  g_return_if_fail (dataset == NULL || MC_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  mc_dataset_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/**
 * mc_dataset_row_set_document:
 * @self: a row
 * @document: (nullable): the document whose dataset the row shows, and
 *   whether it has unsaved changes
 */
void
mc_dataset_row_set_document (McDatasetRow *self,
                             McDocument   *document)
{
  g_return_if_fail (MC_IS_DATASET_ROW (self));
  g_return_if_fail (document == NULL || MC_IS_DOCUMENT (document));

  if (!mc_document_follow (&self->document, document, G_CALLBACK (on_document_changed_cb),
                           self))
    return;
  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::dirty", G_CALLBACK (mc_dataset_row_update),
                               self, G_CONNECT_SWAPPED);
      on_document_changed_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
