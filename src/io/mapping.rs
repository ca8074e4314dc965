//! Which column holds which field: detected from the headers, then confirmed or changed by the
//! user in the mapping step.

use crate::io::fields::{Field, Shape};

/// For one shape, the column index of each of its fields (`None` = not in the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub shape: Shape,
    pub columns: Vec<(Field, Option<usize>)>,
}

impl Mapping {
    /// Maps each field of `shape` to the first header that names it, never one column twice.
    pub fn auto(shape: Shape, headers: &[String]) -> Mapping {
        let mut taken = vec![false; headers.len()];
        let columns = shape
            .fields()
            .iter()
            .map(|&(field, _)| {
                let index = headers
                    .iter()
                    .enumerate()
                    .position(|(i, h)| !taken[i] && field.matches(h));
                if let Some(i) = index {
                    taken[i] = true;
                }
                (field, index)
            })
            .collect();
        Mapping { shape, columns }
    }

    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|(_, c)| *c)
    }

    /// Whether some field reads `column`.
    pub fn is_mapped(&self, column: usize) -> bool {
        self.columns.iter().any(|(_, c)| *c == Some(column))
    }

    /// Points `field` at `column` (or at nothing).
    pub fn set(&mut self, field: Field, column: Option<usize>) {
        if let Some(entry) = self.columns.iter_mut().find(|(f, _)| *f == field) {
            entry.1 = column;
        }
    }

    /// Required fields that have no column yet.
    pub fn missing_required(&self) -> Vec<Field> {
        self.shape
            .fields()
            .iter()
            .filter(|(field, required)| *required && self.column(*field).is_none())
            .map(|(field, _)| *field)
            .collect()
    }

    fn mapped_count(&self) -> usize {
        self.columns.iter().filter(|(_, c)| c.is_some()).count()
    }
}

/// The shape whose required fields are all present in `headers`, the one mapping the most
/// columns winning; `None` when no shape fits (the user then picks one and maps by hand).
///
/// ```
/// use retention_lab::io::{fields::Shape, mapping::detect_shape};
/// let headers: Vec<String> = ["customer_id", "month", "mrr"].map(String::from).to_vec();
/// assert_eq!(detect_shape(&headers).map(|m| m.shape), Some(Shape::MonthlyMrr));
/// ```
pub fn detect_shape(headers: &[String]) -> Option<Mapping> {
    Shape::ALL
        .iter()
        .map(|&shape| Mapping::auto(shape, headers))
        .filter(|mapping| mapping.missing_required().is_empty())
        .fold(None, |best: Option<Mapping>, candidate| match best {
            Some(b) if b.mapped_count() >= candidate.mapped_count() => Some(b),
            _ => Some(candidate),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn detects_each_shape() {
        let cases = [
            (
                vec![
                    "客户ID",
                    "客户名称",
                    "年度合同额",
                    "合同开始",
                    "合同结束",
                    "续约",
                ],
                Shape::Customers,
            ),
            (vec!["Customer ID", "Month", "MRR"], Shape::MonthlyMrr),
            (
                vec!["customer_id", "start_date", "end_date", "mrr"],
                Shape::Spans,
            ),
            (
                vec!["cohort", "period", "customers", "revenue"],
                Shape::CohortTable,
            ),
        ];
        for (names, shape) in cases {
            assert_eq!(
                detect_shape(&headers(&names)).map(|m| m.shape),
                Some(shape),
                "{names:?}"
            );
        }
        assert_eq!(detect_shape(&headers(&["foo", "bar"])), None);
    }

    #[test]
    fn a_column_is_used_once() {
        // "mrr" is an alias of both customer-level revenue and MRR; only one field gets it.
        let mapping = Mapping::auto(Shape::Spans, &headers(&["id", "start", "end", "mrr"]));
        assert_eq!(mapping.column(Field::Mrr), Some(3));
        assert_eq!(mapping.column(Field::CustomerId), Some(0));
    }

    #[test]
    fn manual_fix_clears_missing() {
        let mut mapping = Mapping::auto(Shape::MonthlyMrr, &headers(&["acct", "ym", "amount"]));
        assert_eq!(
            mapping.missing_required(),
            vec![Field::CustomerId, Field::Month, Field::Mrr]
        );
        mapping.set(Field::CustomerId, Some(0));
        mapping.set(Field::Month, Some(1));
        mapping.set(Field::Mrr, Some(2));
        assert!(mapping.missing_required().is_empty());
    }
}
