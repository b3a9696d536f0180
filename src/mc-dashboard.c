/* mc-dashboard.c: every chart of a dataset, as cards in a grid
 *
 * Each card is a chart view of its own, drawn by the same renderer as
 * the chart page; charts that cannot be drawn say why. The cards follow
 * the document while the dashboard is on screen, and catch up when it
 * comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-dashboard.h"

#include <glib/gi18n.h>

#include "mc-chart-view.h"

/* Cards narrower than this go one a line. */
#define CARD_WIDTH   340
#define CARD_HEIGHT  300

struct _McDashboard
{
  GtkWidget     parent_instance;

  McDocument   *document;
  gboolean      stale;        /* changed while hidden */

  GtkLabel     *count_label;
  GtkFlowBox   *grid;
};

G_DEFINE_FINAL_TYPE (McDashboard, mc_dashboard, GTK_TYPE_WIDGET)

enum {
  CHART_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A chart view would like a whole window's width, which would leave a
 * card alone on its line: in a scrolled window that never scrolls, it
 * asks for no more than its minimum, and takes what the grid gives. */
static GtkWidget *
fit_card (GtkWidget *child)
{
  GtkWidget *frame = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (frame), GTK_POLICY_NEVER,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (frame), child);
  return frame;
}

/* A chart that cannot be drawn shows its message in its card. */
static GtkWidget *
card_content_new (McDataset         *dataset,
                  const McChartSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McChartModel) chart = mc_chart_model_new (dataset, spec, &error);
  GtkWidget *view;

  if (chart == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      return label;
    }
  view = mc_chart_view_new ();
  mc_chart_view_set_chart (MC_CHART_VIEW (view), chart);
  /* The card takes the clicks and the focus; the chart only shows. */
  gtk_widget_set_can_target (view, FALSE);
  gtk_widget_set_focusable (view, FALSE);
  return fit_card (view);
}

static GtkWidget *
card_new (McDataset *dataset,
          guint      index)
{
  const McChartSpec *spec = mc_dataset_get_chart (dataset, index);
  GtkWidget *card = gtk_flow_box_child_new ();
  GtkWidget *content = card_content_new (dataset, spec);
  g_autofree char *label = NULL;

  gtk_widget_set_size_request (card, CARD_WIDTH, CARD_HEIGHT);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (card), content);
  /* Translators: a card of the dashboard; %s is the chart's title */
  label = g_strdup_printf (_("Open “%s”"), spec->title ? spec->title : spec->id);
  gtk_widget_set_tooltip_text (card, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return card;
}

static void
clear_cards (McDashboard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_flow_box_remove (self->grid, child);
}

static void
mc_dashboard_refresh (McDashboard *self)
{
  McDataset *dataset = self->document ? mc_document_get_dataset (self->document) : NULL;
  guint n_charts = dataset ? mc_dataset_get_n_charts (dataset) : 0;
  g_autofree char *count = NULL;

  self->stale = FALSE;
  clear_cards (self);
  for (guint i = 0; i < n_charts; i++)
    gtk_flow_box_append (self->grid, card_new (dataset, i));
  count = g_strdup_printf (ngettext ("%u chart", "%u charts", n_charts), n_charts);
  gtk_label_set_label (self->count_label, count);
}

/* Drawn when seen: edits made meanwhile wait for the next look. */
static void
on_document_changed_cb (McDashboard *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mc_dashboard_refresh (self);
  else
    self->stale = TRUE;
}

static void
mc_dashboard_map (GtkWidget *widget)
{
  McDashboard *self = MC_DASHBOARD (widget);

  GTK_WIDGET_CLASS (mc_dashboard_parent_class)->map (widget);
  if (self->stale)
    mc_dashboard_refresh (self);
}

static void
on_grid_child_activated_cb (McDashboard     *self,
                            GtkFlowBoxChild *child)
{
  g_signal_emit (self, signals[CHART_ACTIVATED], 0,
                 (guint) gtk_flow_box_child_get_index (child));
}

static void
mc_dashboard_dispose (GObject *object)
{
  McDashboard *self = MC_DASHBOARD (object);
  GtkWidget *child;

  mc_dashboard_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_DASHBOARD);
  /* The box that holds everything is not a bound child: unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mc_dashboard_parent_class)->dispose (object);
}

static void
mc_dashboard_class_init (McDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_dashboard_dispose;
  widget_class->map = mc_dashboard_map;

  signals[CHART_ACTIVATED] =
    g_signal_new ("chart-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/mc-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, McDashboard, count_label);
  gtk_widget_class_bind_template_child (widget_class, McDashboard, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_child_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dashboard");
}

static void
mc_dashboard_init (McDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mc_dashboard_new (void)
{
  return g_object_new (MC_TYPE_DASHBOARD, NULL);
}

void
mc_dashboard_set_document (McDashboard *self,
                           McDocument  *document)
{
  g_return_if_fail (MC_IS_DASHBOARD (self));
  g_return_if_fail (document == NULL || MC_IS_DOCUMENT (document));

  if (mc_document_follow (&self->document, document, G_CALLBACK (on_document_changed_cb), self))
    on_document_changed_cb (self);
}

guint
mc_dashboard_get_n_cards (McDashboard *self)
{
  guint n = 0;

  g_return_val_if_fail (MC_IS_DASHBOARD (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
