/* mc-chart-spec.h: one chart of a dataset, as its file declares it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A chart as declared: its id, the kind of chart it is ("bar", "line",
 * ...), its texts, and every other key of its declaration as an option
 * ("x", "y", "stacked", ...). The data layer stores options without
 * knowing what they mean: the chart kinds say which options they take,
 * of which type, and check them (see mc-chart-kind.h). */
typedef struct
{
  char       *id;
  char       *type;        /* the id of a chart kind */
  char       *title;       /* nullable */
  char       *subtitle;    /* nullable */
  GHashTable *options;     /* key → GVariant */
  GHashTable *extras;      /* unknown keys of its file, see mc-extras.h */
} McChartSpec;

McChartSpec  *mc_chart_spec_new          (const char         *id,
                                          const char         *type);
McChartSpec  *mc_chart_spec_copy         (const McChartSpec  *spec);
void          mc_chart_spec_free         (McChartSpec        *spec);
gboolean      mc_chart_spec_equal        (const McChartSpec  *a,
                                          const McChartSpec  *b);
void          mc_chart_spec_set_title    (McChartSpec        *spec,
                                          const char         *title);
void          mc_chart_spec_set_subtitle (McChartSpec        *spec,
                                          const char         *subtitle);

/* Options. A value of NULL removes the option; a floating value is sunk. */
GVariant     *mc_chart_spec_get_option   (const McChartSpec  *spec,
                                          const char         *key);
void          mc_chart_spec_set_option   (McChartSpec        *spec,
                                          const char         *key,
                                          GVariant           *value);
gboolean      mc_chart_spec_has_option   (const McChartSpec  *spec,
                                          const char         *key);
/* The keys of the options that are set, sorted. */
char        **mc_chart_spec_list_options (const McChartSpec  *spec);

/* Typed shortcuts: a text (type "s"), a flag ("b", FALSE when absent), a
 * number ("d", NAN when absent) and a list of texts ("as"). */
const char   *mc_chart_spec_get_string   (const McChartSpec  *spec,
                                          const char         *key);
gboolean      mc_chart_spec_get_boolean  (const McChartSpec  *spec,
                                          const char         *key);
double        mc_chart_spec_get_number   (const McChartSpec  *spec,
                                          const char         *key);
/* Returns: (transfer container) (nullable): the list, NULL-terminated */
const char  **mc_chart_spec_get_strv     (const McChartSpec  *spec,
                                          const char         *key);
guint         mc_chart_spec_get_strv_length (const McChartSpec *spec,
                                          const char         *key);
void          mc_chart_spec_set_string   (McChartSpec        *spec,
                                          const char         *key,
                                          const char         *value);
void          mc_chart_spec_set_boolean  (McChartSpec        *spec,
                                          const char         *key,
                                          gboolean            value);
void          mc_chart_spec_set_number   (McChartSpec        *spec,
                                          const char         *key,
                                          double              value);
void          mc_chart_spec_set_strv     (McChartSpec        *spec,
                                          const char         *key,
                                          const char * const *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McChartSpec, mc_chart_spec_free)

G_END_DECLS
