//! Customer-success operations (客户成功运营): the tier board, the CS funnel, CSM books and
//! the revenue split by source. Pure functions of the portfolio and the scenario inputs.

pub mod books;
pub mod funnel;
pub mod revenue_sources;
pub mod tier_board;
