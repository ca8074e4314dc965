//! Files in and out: CSV, pasted ranges and XLSX read into a raw table, its columns recognised
//! and mapped, its rows checked into typed records with every bad cell located (file, row,
//! column, field); exports and import templates written as CSV or XLSX; the messages to the
//! workbook workers. Pure: the hooks pass bytes in and out.

pub mod export;
pub mod fields;
pub mod import;
pub mod import_error;
pub mod mapping;
pub mod records;
pub mod sheet;
pub mod table;
pub mod text;
pub mod values;
pub mod workbook;
pub mod workbook_problem;
pub mod worker_protocol;
