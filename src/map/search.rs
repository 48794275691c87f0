//! Finding a country by name: any case, accents optional. Pure: no egui here; the details
//! panel calls it.

use unicode_normalization::UnicodeNormalization;

use crate::io::{Country, CountryIx};

/// Lower-cases and strips accents and punctuation variants: "Côte d’Ivoire" → "cote d'ivoire".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '’' | '‘' | '`' | '´' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Countries matching `query`, best first: exact name, then names starting with it, then names
/// containing it (short, long, official and French names and the codes are all searched).
pub fn search_countries(countries: &[Country], query: &str) -> Vec<CountryIx> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u8, CountryIx, &str)> = countries
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            // The French name too, whatever the interface's language: "Tchad" finds Chad.
            let names = [
                Some(c.name.as_str()),
                Some(c.name_long.as_str()),
                c.formal_name.as_deref(),
                c.name_fr.as_deref(),
            ];
            let mut best = None;
            for name in names.into_iter().flatten() {
                let n = fold(name);
                let score = if n == q {
                    0
                } else if n.starts_with(&q) {
                    1
                } else if n.contains(&q) {
                    2
                } else {
                    continue;
                };
                best = Some(best.map_or(score, |b: u8| b.min(score)));
            }
            if c.key.eq_ignore_ascii_case(&q)
                || c.iso_a2
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(&q))
            {
                best = Some(0);
            }
            best.map(|s| (s, CountryIx::new(i), c.name.as_str()))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.cmp(b.2)));
    scored.into_iter().map(|(_, i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("  MALI "), "mali");
        assert_eq!(fold("São Tomé"), "sao tome");
    }
}
