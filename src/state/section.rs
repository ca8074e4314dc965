//! The sections of the app, in navigation order.

/// The sections of the app; only those that work are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    Data,
    #[default]
    Economics,
    Health,
    Renewal,
    Cohorts,
    /// NPS, the north-star finder, first value, the CS funnel, revenue by source, segments.
    Operations,
    /// The tier KPI board and CSM books.
    Team,
    Strategy,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Data,
        Section::Economics,
        Section::Health,
        Section::Renewal,
        Section::Cohorts,
        Section::Operations,
        Section::Team,
        Section::Strategy,
    ];

    /// The `data-testid` suffix of its navigation entry.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Data => "data",
            Section::Economics => "economics",
            Section::Health => "health",
            Section::Renewal => "renewal",
            Section::Cohorts => "cohorts",
            Section::Operations => "operations",
            Section::Team => "team",
            Section::Strategy => "strategy",
        }
    }
}
