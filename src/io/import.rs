//! The import pipeline up to the mapping step: bytes or pasted text → decoded text → table →
//! detected shape and mapping. Building records from the confirmed mapping is `records::build`.

use crate::data::Shared;
use crate::io::fields::Shape;
use crate::io::import_error::{ImportError, ImportErrorKind};
use crate::io::mapping::{detect_shape, Mapping};
use crate::io::records::Built;
use crate::io::table::{read_csv, read_pasted, RawTable};
use crate::io::text::{decode, Encoding};

/// The records built from the current mapping, or why none could be; `None` while checking.
pub type Checked = Option<Result<Shared<Built>, ImportError>>;

/// A table read and mapped as well as the headers allow, waiting for the user to confirm.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    pub table: Shared<RawTable>,
    /// `None` for pasted text.
    pub encoding: Option<Encoding>,
    pub mapping: Mapping,
    /// Whether the shape was recognised from the headers (otherwise the user must choose).
    pub detected: bool,
    /// Every row checked against `mapping` (built in chunks after reading and after each
    /// mapping change).
    pub checked: Checked,
    /// For a workbook: its bytes and sheets, so another sheet can be read.
    pub workbook: Option<WorkbookSource>,
}

/// The workbook an import came from.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookSource {
    pub file: String,
    pub bytes: Shared<Vec<u8>>,
    pub sheets: Vec<String>,
    pub sheet: String,
}

impl PendingImport {
    pub fn new(table: RawTable, encoding: Option<Encoding>) -> PendingImport {
        let detected = detect_shape(&table.headers);
        let is_detected = detected.is_some();
        let mapping = detected.unwrap_or_else(|| Mapping::auto(Shape::Customers, &table.headers));
        PendingImport {
            table: Shared::new(table),
            encoding,
            mapping,
            detected: is_detected,
            checked: None,
            workbook: None,
        }
    }

    /// Switches to another shape, mapping its fields from the headers afresh.
    pub fn with_shape(&self, shape: Shape) -> PendingImport {
        PendingImport {
            mapping: Mapping::auto(shape, &self.table.headers),
            checked: None,
            ..self.clone()
        }
    }
}

/// Whether a file name is a spreadsheet workbook rather than delimited text.
pub fn is_workbook(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || lower.ends_with(".xls")
}

/// Reads a CSV / TSV / TXT file. `legacy` decodes GB18030 (see `text::decode`).
pub fn read_delimited_file(
    file: &str,
    bytes: &[u8],
    legacy: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<PendingImport, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::file(file, ImportErrorKind::Empty));
    }
    let (text, encoding) = decode(file, bytes, legacy)?;
    read_csv(file, &text).map(|table| PendingImport::new(table, Some(encoding)))
}

/// Reads a range pasted from a spreadsheet.
pub fn read_paste(text: &str) -> Result<PendingImport, ImportError> {
    read_pasted(text).map(|table| PendingImport::new(table, None))
}

/// Reads the rows of one sheet that the workbook reader produced. Messages name the file and
/// the sheet: `export.xlsx › Customers`.
pub fn read_sheet(
    source: WorkbookSource,
    rows: Vec<(usize, Vec<String>)>,
) -> Result<PendingImport, ImportError> {
    let label = format!("{} › {}", source.file, source.sheet);
    RawTable::from_rows(&label, rows).map(|table| PendingImport {
        workbook: Some(source),
        ..PendingImport::new(table, None)
    })
}

// encoding_rs is a native-only dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::io::text::gb18030_native;

    #[test]
    fn gbk_file_with_chinese_headers_is_detected() {
        let (bytes, _, _) = encoding_rs::GBK
            .encode("客户ID,年度合同额,合同开始,合同结束\r\nC1,1000,2024-01-01,2024-12-31\r\n");
        let pending = read_delimited_file("crm.csv", &bytes, &gb18030_native).unwrap();
        assert_eq!(pending.encoding, Some(Encoding::Gb18030));
        assert!(pending.detected);
        assert_eq!(pending.mapping.shape, Shape::Customers);
    }

    #[test]
    fn unknown_headers_fall_back_to_customers_undetected() {
        let pending = read_paste("a\tb\n1\t2\n").unwrap();
        assert!(!pending.detected);
        assert_eq!(
            pending.with_shape(Shape::CohortTable).mapping.shape,
            Shape::CohortTable
        );
    }

    #[test]
    fn workbooks_by_extension() {
        assert!(is_workbook("Export.XLSX"));
        assert!(!is_workbook("export.csv"));
    }
}
