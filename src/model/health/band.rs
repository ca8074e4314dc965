//! Red, yellow and green: a health score's band and the cut points between them.

/// Score bands: red below `red_below`, green above `green_above`, yellow between.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    pub red_below: f64,
    pub green_above: f64,
}

impl Default for Bands {
    /// The sources' usual cut points: red < 50, yellow 50–75, green > 75.
    fn default() -> Self {
        Bands {
            red_below: 50.0,
            green_above: 75.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    Red,
    Yellow,
    Green,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Red, Band::Yellow, Band::Green];

    pub fn key(self) -> &'static str {
        match self {
            Band::Red => "red",
            Band::Yellow => "yellow",
            Band::Green => "green",
        }
    }
}

impl Bands {
    #[inline]
    pub fn band(&self, score: f64) -> Band {
        if score < self.red_below {
            Band::Red
        } else if score > self.green_above {
            Band::Green
        } else {
            Band::Yellow
        }
    }
}
