//! The fields each data shape has, and the column names (English and Chinese) that map to them.

mod aliases;

/// Every field any import shape knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    CustomerId,
    Name,
    Arr,
    ContractStart,
    ContractEnd,
    FirstStart,
    NorthStar,
    TicketsOpened,
    TicketsUnresolved,
    Nps,
    TtfvDays,
    ExecTouchDays,
    Referrals,
    ExpansionArr,
    Renewed,
    PrevHealth,
    PrevTier,
    Csm,
    Segment,
    Month,
    Mrr,
    Start,
    End,
    Cohort,
    Period,
    Customers,
    Revenue,
}

impl Field {
    /// The canonical column name (as in templates and exports).
    pub fn column_name(self) -> &'static str {
        self.spec().0
    }

    /// Names that map to this field, compared after [`normalise_header`].
    fn aliases(self) -> &'static [&'static str] {
        self.spec().1
    }

    /// Whether `header` names this field.
    pub fn matches(self, header: &str) -> bool {
        let normalised = normalise_header(header);
        normalised == normalise_header(self.column_name())
            || self.aliases().contains(&normalised.as_str())
    }
}

/// Lower-cases and drops spaces, `_`, `-`, `.` and brackets, so `Customer ID`, `customer_id`
/// and `客户 ID` compare equal.
pub fn normalise_header(header: &str) -> String {
    header
        .trim_start_matches('\u{FEFF}')
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.' | '(' | ')' | '（' | '）'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The kinds of data a file can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    Customers,
    /// Subscriptions, one row per customer and month.
    MonthlyMrr,
    /// Subscriptions, one row per span of paying.
    Spans,
    CohortTable,
}

impl Shape {
    pub const ALL: [Shape; 4] = [
        Shape::Customers,
        Shape::MonthlyMrr,
        Shape::Spans,
        Shape::CohortTable,
    ];

    /// The fields of this shape, required ones first, with whether each is required.
    pub fn fields(self) -> &'static [(Field, bool)] {
        use Field::*;
        match self {
            Shape::Customers => &[
                (CustomerId, true),
                (Arr, true),
                (ContractStart, true),
                (ContractEnd, true),
                (Name, false),
                (FirstStart, false),
                (NorthStar, false),
                (TicketsOpened, false),
                (TicketsUnresolved, false),
                (Nps, false),
                (TtfvDays, false),
                (ExecTouchDays, false),
                (Referrals, false),
                (ExpansionArr, false),
                (Renewed, false),
                (PrevHealth, false),
                (PrevTier, false),
                (Csm, false),
                (Segment, false),
            ],
            Shape::MonthlyMrr => &[(CustomerId, true), (Month, true), (Mrr, true)],
            Shape::Spans => &[(CustomerId, true), (Start, true), (Mrr, true), (End, false)],
            Shape::CohortTable => &[
                (Cohort, true),
                (Period, true),
                (Customers, true),
                (Revenue, false),
            ],
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Shape::Customers => "customers",
            Shape::MonthlyMrr => "monthly",
            Shape::Spans => "spans",
            Shape::CohortTable => "cohorts",
        }
    }

    pub fn from_code(code: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_chinese_headers_match() {
        assert!(Field::CustomerId.matches("Customer ID"));
        assert!(Field::CustomerId.matches("客户ID"));
        assert!(Field::Arr.matches("年度合同额"));
        assert!(Field::ContractStart.matches("合同开始"));
        assert!(Field::TicketsUnresolved.matches("未解决工单"));
        assert!(Field::NorthStar.matches("北极星指标"));
        assert!(Field::Renewed.matches("续约"));
        assert!(Field::Name.matches("\u{FEFF}Name"));
        assert!(!Field::Arr.matches("mrr"));
    }
}
