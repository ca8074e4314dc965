//! The shape every string table is declared in, and filling its named placeholders.
//!
//! A translator reads one line per key with the Chinese and the English side by side; the
//! macro turns it into the key enum, its [`Text`](super::Text) impl and the list of all keys
//! (which the tests walk to check placeholders and duplicates).

/// Declares a key enum and its texts: `Key => "中文", "English",` once per key.
///
/// A text may hold named placeholders such as `{count}`, filled by [`fill`]; both languages of
/// a key must name the same ones (checked by the tests of this module).
macro_rules! strings {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$key_meta:meta])* $key:ident => $zh:literal, $en:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $( $(#[$key_meta])* $key ),*
        }

        impl $name {
            /// Every key, in the order declared.
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The key's name as written in the table, for test failures and tooling.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$key => stringify!($key)),*
                }
            }
        }

        impl $crate::i18n::Text for $name {
            fn texts(self) -> (&'static str, &'static str) {
                match self {
                    $($name::$key => ($zh, $en)),*
                }
            }
        }
    };
}

pub(crate) use strings;

/// Replaces each `{name}` of `template` with the value paired with `name`; a placeholder
/// without a value stays as written, so a mistake shows on screen instead of panicking in wasm.
///
/// In debug builds (every native test) a value whose name the template lacks is a bug in the
/// caller and fails loudly, which is how the tests check the callers' names.
///
/// ```
/// use retention_lab::i18n::fill;
/// assert_eq!(fill("{shown} of {total}", &[("total", "9"), ("shown", "3")]), "3 of 9");
/// assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    debug_assert!(
        args.iter()
            .all(|(name, _)| placeholders(template).any(|p| p == *name)),
        "a value for a placeholder that {template:?} does not have: {args:?}"
    );
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let value = args.iter().find(|(n, _)| *n == name)?.1;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the `{name}` placeholders of `template`, in order (an empty `{}` included as
/// an empty name, so the tests can reject positional placeholders).
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_by_name_in_any_order_and_repeats() {
        assert_eq!(fill("{a}-{b}-{a}", &[("b", "2"), ("a", "1")]), "1-2-1");
        assert_eq!(fill("（{x}）", &[("x", "中")]), "（中）");
    }

    #[test]
    fn lists_placeholders_including_positional_ones() {
        assert_eq!(
            placeholders("{a} {} {b}").collect::<Vec<_>>(),
            ["a", "", "b"]
        );
        assert_eq!(placeholders("no braces").count(), 0);
    }
}
