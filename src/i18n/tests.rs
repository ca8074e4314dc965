//! Checks over the whole string table: what a translator could get wrong by hand.

use super::*;
use std::collections::BTreeSet;

/// Every key of every area as (area::key, 中文, English).
fn table() -> Vec<(String, &'static str, &'static str)> {
    fn area<K: Text>(
        area: &str,
        keys: &[K],
        name: fn(K) -> &'static str,
    ) -> Vec<(String, &'static str, &'static str)> {
        keys.iter()
            .map(|&k| {
                let (zh, en) = k.texts();
                (format!("{area}::{}", name(k)), zh, en)
            })
            .collect()
    }
    [
        area("Key", Key::ALL, Key::name),
        area("EconKey", EconKey::ALL, EconKey::name),
        area("HealthKey", HealthKey::ALL, HealthKey::name),
        area("CohortKey", CohortKey::ALL, CohortKey::name),
        area("DataKey", DataKey::ALL, DataKey::name),
        area("WorkshopKey", WorkshopKey::ALL, WorkshopKey::name),
    ]
    .concat()
}

#[test]
fn both_languages_of_every_key_name_the_same_placeholders_and_none_is_positional() {
    let table = table();
    assert!(table.len() > 300, "the table lost keys: {}", table.len());
    for (key, zh, en) in table {
        let zh_names: BTreeSet<&str> = placeholders(zh).collect();
        let en_names: BTreeSet<&str> = placeholders(en).collect();
        assert_eq!(
            zh_names, en_names,
            "{key}: 中文 and English name different placeholders"
        );
        assert!(
            !zh_names.contains(""),
            "{key}: a positional {{}} placeholder"
        );
        assert!(
            zh_names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
            "{key}: placeholder names are lower_snake_case words: {zh_names:?}"
        );
    }
}

#[test]
fn every_key_has_both_texts() {
    for (key, zh, en) in table() {
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{key} is empty"
        );
    }
}
