//! The Yew UI: one component per file; `sections/` holds the app's sections. Components read
//! the state with `hooks::app_context::use_app()` and what they show through the `hooks::derived` hooks,
//! then only render; they never touch browser APIs (see `hooks`).

pub mod app;
pub mod assumption;
pub mod chart_figure;
pub mod cohort_base;
pub mod cohort_fit;
pub mod cohort_heatmap;
pub mod cohort_km;
pub mod cohort_models;
pub mod cohort_projection;
pub mod customer_table;
pub mod data_table;
pub mod download_buttons;
pub mod error_banner;
pub mod export_panel;
pub mod footer;
pub mod header;
pub mod heterogeneity_panel;
pub mod import_panel;
pub mod mapping_step;
pub mod metric_card;
pub mod nav;
pub mod notice;
pub mod number_field;
pub mod panel_view;
pub mod report;
pub mod report_strategy;
pub mod scenario_table;
pub mod scenario_tools;
pub mod scenarios_view;
pub mod scorecard_editor;
pub mod sections;
pub mod slider_field;
pub mod text_setting;
pub mod tier_rules_editor;
