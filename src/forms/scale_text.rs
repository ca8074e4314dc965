//! Steps scales as the scorecard editor shows them: `10 | 7:60 | 9:100` means 10 points below
//! 7, 60 from 7, 100 from 9.

use crate::forms::number::parse_number;
use crate::model::health::Scale;

/// The text of a steps scale (linear scales have two number fields instead).
pub fn format_steps(cuts: &[f64], scores: &[f64]) -> String {
    let mut out = scores.first().map(|s| trim(*s)).unwrap_or_default();
    for (cut, score) in cuts.iter().zip(scores.iter().skip(1)) {
        out.push_str(&format!(" | {}:{}", trim(*cut), trim(*score)));
    }
    out
}

fn trim(v: f64) -> String {
    let text = format!("{v:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Reads the text back; `None` unless it gives a valid steps scale (ascending thresholds,
/// scores within 0–100).
///
/// ```
/// use retention_lab::forms::scale_text::parse_steps;
/// use retention_lab::model::health::Scale;
/// assert_eq!(parse_steps("10 | 7:60 | 9:100"),
///            Some(Scale::Steps { cuts: vec![7.0, 9.0], scores: vec![10.0, 60.0, 100.0] }));
/// assert_eq!(parse_steps("10 | 9:60 | 7:100"), None);
/// ```
pub fn parse_steps(text: &str) -> Option<Scale> {
    let mut parts = text.split('|').map(str::trim);
    let number = |t: &str| parse_number(t.trim()).ok().map(|(v, _)| v);
    let mut scores = vec![number(parts.next()?)?];
    let mut cuts = Vec::new();
    for part in parts {
        let (cut, score) = part.split_once(':').or_else(|| part.split_once('：'))?;
        cuts.push(number(cut)?);
        scores.push(number(score)?);
    }
    let scale = Scale::Steps { cuts, scores };
    scale.validate("steps").ok().map(|()| scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_nps_steps() {
        let text = format_steps(&[7.0, 9.0], &[10.0, 60.0, 100.0]);
        assert_eq!(text, "10 | 7:60 | 9:100");
        assert_eq!(
            parse_steps(&text),
            Some(Scale::Steps {
                cuts: vec![7.0, 9.0],
                scores: vec![10.0, 60.0, 100.0]
            })
        );
        assert_eq!(parse_steps("x | 7:60"), None);
        assert_eq!(parse_steps("10 | 7:160"), None);
        assert_eq!(parse_steps(""), None);
    }
}
