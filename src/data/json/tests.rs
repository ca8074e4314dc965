//! The JSON reader and writer against known documents, located faults and random input.

use super::read::MAX_DEPTH;
use super::*;
use proptest::prelude::*;

#[test]
fn reads_every_kind_of_value() {
    let doc = parse(" {\"a\":[true,false,null,-1.5e2,\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\"],\"b\":{}} ");
    let expected = Json::Object(vec![
        (
            "a".into(),
            Json::Array(vec![
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::Number(-150.0),
                Json::String("q\"\\/\u{8}\u{c}\n\r\t".into()),
            ]),
        ),
        ("b".into(), Json::Object(vec![])),
    ]);
    assert_eq!(doc, Ok(expected));
}

#[test]
fn surrogate_pairs_and_raw_utf8() {
    assert_eq!(
        parse(r#""\ud83d\ude00 留存""#),
        Ok(Json::String("😀 留存".into()))
    );
    assert!(parse(r#""\ud83d""#).is_err());
    assert!(parse(r#""\ude00""#).is_err());
}

#[test]
fn faults_are_placed() {
    let cases = [
        ("", 1, 1, "unexpected end of text"),
        ("[1,]", 1, 4, "expected a value"),
        ("{\"a\" 1}", 1, 6, "expected `:`"),
        ("[01]", 1, 2, "malformed number"),
        ("[1.]", 1, 2, "malformed number"),
        ("\"留存\n", 1, 4, "control character in a string"),
        ("{\n\"a\":1\n} x", 3, 3, "trailing characters"),
        ("\"abc", 1, 5, "unterminated string"),
        ("[1e999]", 1, 2, "number out of range"),
    ];
    for (text, line, column, reason) in cases {
        assert_eq!(
            parse(text),
            Err(JsonError {
                line,
                column,
                reason
            }),
            "{text:?}"
        );
    }
    let deep = "[".repeat(MAX_DEPTH + 1);
    assert_eq!(parse(&deep).unwrap_err().reason, "nested too deeply");
}

#[test]
fn writes_compact_text_with_escapes() {
    let doc = object([
        ("s", "a\"b\\c\n\u{1}é".into()),
        ("n", Json::Number(0.1)),
        ("i", 7u32.into()),
        ("nan", Json::Number(f64::NAN)),
        ("list", Json::Array(vec![Json::Null, Json::Bool(true)])),
    ]);
    assert_eq!(
        doc.to_string(),
        r#"{"s":"a\"b\\c\n\u0001é","n":0.1,"i":7,"nan":null,"list":[null,true]}"#
    );
}

fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(Json::Number),
        "\\PC{0,12}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec(("[a-z\"\\\\é]{0,6}", inner), 0..6).prop_map(Json::Object),
        ]
    })
}

proptest! {
    #[test]
    fn round_trips(doc in any_json()) {
        // -0.0 reads back as 0 with a minus sign; PartialEq treats them as equal anyway.
        prop_assert_eq!(parse(&doc.to_string()), Ok(doc));
    }

    #[test]
    fn never_panics_on_anything(text in "\\PC{0,60}") {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_near_json(doc in any_json(), cut in 0usize..200, byte in any::<u8>()) {
        let mut text = doc.to_string().into_bytes();
        if cut < text.len() {
            text[cut] = byte;
        }
        if let Ok(text) = std::str::from_utf8(&text) {
            let _ = parse(text);
        }
    }
}
