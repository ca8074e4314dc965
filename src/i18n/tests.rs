//! Checks over the whole string table: what a translator could get wrong by hand.

use super::*;
use std::collections::{BTreeSet, HashMap};

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
        area("ErrorKey", ErrorKey::ALL, ErrorKey::name),
        area("FieldKey", FieldKey::ALL, FieldKey::name),
        area("ImportKey", ImportKey::ALL, ImportKey::name),
        area("StrategyKey", StrategyKey::ALL, StrategyKey::name),
        area(
            "StrategyCoreKey",
            StrategyCoreKey::ALL,
            StrategyCoreKey::name,
        ),
        area("OpsKey", OpsKey::ALL, OpsKey::name),
        area("GrowthKey", GrowthKey::ALL, GrowthKey::name),
        area("TeamKey", TeamKey::ALL, TeamKey::name),
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

/// Two keys with the same (中文, English) are allowed only where the two are different things
/// that happen to read alike today and a translator may well want to word apart; each is listed
/// here with why. Anything else is one meaning declared twice: use the one key.
const SAME_TEXT_ON_PURPOSE: &[(&str, &str, &str)] = &[
    (
        "Key::NavData",
        "DataKey::Title",
        "a navigation entry and a section heading: the other sections already word them apart",
    ),
    (
        "HealthKey::NavRenewal",
        "HealthKey::RenewalTitle",
        "a navigation entry and a section heading, as above",
    ),
    (
        "EconKey::Customers",
        "HealthKey::CustomersAxis",
        "a scenario input (how many customers) and a histogram axis (customers per score)",
    ),
    (
        "HealthKey::CustomersTitle",
        "DataKey::Customers",
        "the heading of the customer list and the label of the count of customers loaded",
    ),
    (
        "HealthKey::TicketsUnresolved",
        "FieldKey::TicketsUnresolved",
        "a scorecard measure and the import field (a file's column) it is computed from",
    ),
    (
        "Key::ExpansionArr",
        "FieldKey::ExpansionArr",
        "the NDR bridge's expansion of a period and one customer's expansion column in a file",
    ),
    (
        "CohortKey::Cohort",
        "FieldKey::Cohort",
        "the heatmap's row axis and the cohort column of an imported cohort table",
    ),
    (
        "EconKey::Customers",
        "FieldKey::Customers",
        "a scenario input (customers at the start) and a cohort table's column (customers still active)",
    ),
];

#[test]
fn no_two_keys_say_the_same_thing_unless_listed_with_a_reason() {
    let mut seen: HashMap<(&str, &str), String> = HashMap::new();
    let mut duplicates = Vec::new();
    for (key, zh, en) in table() {
        if let Some(first) = seen.get(&(zh, en)) {
            let listed = SAME_TEXT_ON_PURPOSE
                .iter()
                .any(|(a, b, _)| (*a == first && *b == key) || (*b == first && *a == key));
            if !listed {
                duplicates.push(format!("{first} = {key} ({zh} / {en})"));
            }
        } else {
            seen.insert((zh, en), key);
        }
    }
    assert!(
        duplicates.is_empty(),
        "same text under two keys:\n{}",
        duplicates.join("\n")
    );
}
